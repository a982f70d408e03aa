// Indexing for the calibration engine: strings become dense integer indices once, so the fit runs over
// typed arrays; and the connected panel, the only part of the data in which leniency can be measured.

export interface Rating {
  /** The unit that gets scores: the service passes a loop id, so a loop's scores come from its own ratings. */
  candidateId: string;
  interviewerId: string;
  /** Signal key. */
  key: string;
  /** Dimension key of the signal: scores are also reported per group. */
  group?: string;
  /** Ratings sharing it come from one scorecard (halo); default `${candidateId}|${interviewerId}`. */
  scorecardId?: string;
  /** Integer 1..4 on the rubric scale, else RangeError. "Not observed" is an absent rating, never a value. */
  value: number;
  /** Relative precision of this rating (default 1). A weight of 2 counts like the same rating given twice. */
  weight?: number;
}

export interface IndexedRatings {
  count: number;
  value: Float64Array;
  weight: Float64Array;
  candidate: Int32Array;
  interviewer: Int32Array;
  key: Int32Array;
  /** Group index of each rating, −1 when the rating has no group. */
  groupOf: Int32Array;
  /** (candidate, key) cell of each rating: one calibrated value per cell. */
  cell: Int32Array;
  scorecard: Int32Array;
  candidateIds: string[];
  interviewerIds: string[];
  keyIds: string[];
  groupIds: string[];
  cellCandidate: Int32Array;
  cellKey: Int32Array;
  scorecardCandidate: Int32Array;
  scorecardInterviewer: Int32Array;
  interviewerRatings: Int32Array;
  interviewerScorecards: Int32Array;
}

/** Checks and indexes the ratings. Values must be whole numbers 1..4 and weights finite and > 0 (RangeError). */
export function indexRatings(ratings: Rating[]): IndexedRatings {
  const count = ratings.length;
  const value = new Float64Array(count);
  const weight = new Float64Array(count);
  const candidate = new Int32Array(count);
  const interviewer = new Int32Array(count);
  const key = new Int32Array(count);
  const groupOf = new Int32Array(count);
  const cell = new Int32Array(count);
  const scorecard = new Int32Array(count);
  const candidateIndex = new Map<string, number>();
  const interviewerIndex = new Map<string, number>();
  const keyIndex = new Map<string, number>();
  const groupIndex = new Map<string, number>();
  // candidate → interviewer → scorecard id → scorecard: one scorecard belongs to one candidate and one interviewer.
  const scorecardIndex: Map<number, Map<string, number>>[] = [];
  // candidate → key → cell: nested look-ups instead of building a joined string per rating.
  const cellIndex: Map<number, number>[] = [];
  const candidateIds: string[] = [];
  const interviewerIds: string[] = [];
  const keyIds: string[] = [];
  const groupIds: string[] = [];
  const cellCandidate: number[] = [];
  const cellKey: number[] = [];
  const scorecardCandidate: number[] = [];
  const scorecardInterviewer: number[] = [];
  const lookUp = (map: Map<string, number>, ids: string[], id: string): number => {
    let index = map.get(id);
    if (index === undefined) {
      index = ids.length;
      map.set(id, index);
      ids.push(id);
    }
    return index;
  };

  const lastGroupIdOfKey: (string | undefined)[] = [];
  const lastGroupOfKey: number[] = [];
  let lastCandidateId: string | undefined;
  let lastCandidate = -1;
  let lastInterviewerId: string | undefined;
  let lastInterviewer = -1;
  let lastCardCandidate = -1;
  let lastCardInterviewer = -1;
  let lastCardId = "";
  let lastCard = -1;
  // Scorecards list their signals in the same order in practice: each key's successor last time is tried
  // (one string comparison) before the key map. And a candidate's ratings come together: each key's cell of
  // the last candidate is tried before the candidate's cell map.
  const keyAfter: number[] = [];
  let lastKey = -1;
  const cellCandidateOfKey: number[] = [];
  const cellOfKey: number[] = [];
  for (let r = 0; r < count; r++) {
    const rating = ratings[r] as Rating;
    const ratingWeight = rating.weight ?? 1;
    if (!Number.isInteger(rating.value) || rating.value < 1 || rating.value > 4) {
      throw new RangeError(
        `Rating ${r} (candidate ${rating.candidateId}, interviewer ${rating.interviewerId}, key ${rating.key}) is ${rating.value}; ` +
          "ratings must be whole numbers from 1 to 4 (leave a signal that was not observed out).",
      );
    }
    if (!Number.isFinite(ratingWeight) || ratingWeight <= 0) {
      throw new RangeError(
        `Rating ${r} has weight ${ratingWeight}; weights must be finite and > 0 (leave a rating out to ignore it).`,
      );
    }
    // Ratings come grouped by scorecard in practice: the previous rating's candidate, interviewer and
    // scorecard are checked before the maps.
    let c = lastCandidate;
    if (rating.candidateId !== lastCandidateId) {
      c = lookUp(candidateIndex, candidateIds, rating.candidateId);
      if (c === cellIndex.length) {
        cellIndex.push(new Map());
        scorecardIndex.push(new Map());
      }
      lastCandidateId = rating.candidateId;
      lastCandidate = c;
    }
    let j = lastInterviewer;
    if (rating.interviewerId !== lastInterviewerId) {
      j = lookUp(interviewerIndex, interviewerIds, rating.interviewerId);
      lastInterviewerId = rating.interviewerId;
      lastInterviewer = j;
    }
    const guess = lastKey >= 0 ? keyAfter[lastKey] : undefined;
    let k: number;
    if (guess !== undefined && keyIds[guess] === rating.key) {
      k = guess;
    } else {
      k = lookUp(keyIndex, keyIds, rating.key);
      if (lastKey >= 0) keyAfter[lastKey] = k;
    }
    lastKey = k;
    let g: number;
    if (cellCandidateOfKey[k] === c) {
      g = cellOfKey[k] as number;
    } else {
      const cells = cellIndex[c] as Map<number, number>;
      let found = cells.get(k);
      if (found === undefined) {
        found = cellCandidate.length;
        cells.set(k, found);
        cellCandidate.push(c);
        cellKey.push(k);
      }
      g = found;
      cellCandidateOfKey[k] = c;
      cellOfKey[k] = g;
    }
    const cardId = rating.scorecardId ?? "";
    let card = lastCard;
    if (c !== lastCardCandidate || j !== lastCardInterviewer || cardId !== lastCardId) {
      const byInterviewer = scorecardIndex[c] as Map<number, Map<string, number>>;
      let cardsOf = byInterviewer.get(j);
      if (cardsOf === undefined) byInterviewer.set(j, (cardsOf = new Map()));
      const found = cardsOf.get(cardId);
      if (found === undefined) {
        card = scorecardCandidate.length;
        cardsOf.set(cardId, card);
        scorecardCandidate.push(c);
        scorecardInterviewer.push(j);
      } else {
        card = found;
      }
      lastCardCandidate = c;
      lastCardInterviewer = j;
      lastCardId = cardId;
      lastCard = card;
    }
    value[r] = rating.value;
    weight[r] = ratingWeight;
    candidate[r] = c;
    interviewer[r] = j;
    key[r] = k;
    // A key's ratings name the same group in practice: its last group is checked before the map.
    const groupId = rating.group;
    if (groupId === undefined) {
      groupOf[r] = -1;
    } else if (groupId === lastGroupIdOfKey[k]) {
      groupOf[r] = lastGroupOfKey[k]!;
    } else {
      const group = lookUp(groupIndex, groupIds, groupId);
      groupOf[r] = group;
      lastGroupIdOfKey[k] = groupId;
      lastGroupOfKey[k] = group;
    }
    cell[r] = g;
    scorecard[r] = card;
  }

  const interviewerRatings = new Int32Array(interviewerIds.length);
  const interviewerScorecards = new Int32Array(interviewerIds.length);
  for (let r = 0; r < count; r++)
    interviewerRatings[interviewer[r] as number] = (interviewerRatings[interviewer[r] as number] as number) + 1;
  for (const j of scorecardInterviewer) interviewerScorecards[j] = (interviewerScorecards[j] as number) + 1;

  return {
    count,
    value,
    weight,
    candidate,
    interviewer,
    key,
    groupOf,
    cell,
    scorecard,
    candidateIds,
    interviewerIds,
    keyIds,
    groupIds,
    cellCandidate: Int32Array.from(cellCandidate),
    cellKey: Int32Array.from(cellKey),
    scorecardCandidate: Int32Array.from(scorecardCandidate),
    scorecardInterviewer: Int32Array.from(scorecardInterviewer),
    interviewerRatings,
    interviewerScorecards,
  };
}

export interface Panel {
  /** Position of each interviewer in the panel (0..size−1), or −1 outside it. */
  position: Int32Array;
  /** Interviewer index of each panel position. */
  members: Int32Array;
  size: number;
  /** 1 for candidates rated by the panel. */
  candidateInPanel: Uint8Array;
}

/**
 * Two interviewers can be compared when they rated a common candidate, directly or through a chain of
 * others: each connected part of the candidate–interviewer graph has its own unknown zero point. The
 * largest part (most ratings; ties to more interviewers, then to the smallest id) is the panel. A part
 * with one interviewer has no one to compare with, so then there is no panel.
 */
export function findPanel(data: IndexedRatings): Panel {
  const interviewers = data.interviewerIds.length;
  const candidates = data.candidateIds.length;
  // Union–find over interviewers (0..I−1) and candidates (I..I+C−1).
  const parent = Int32Array.from({ length: interviewers + candidates }, (_, i) => i);
  const findRoot = (i: number): number => {
    let root = i;
    while ((parent[root] as number) !== root) root = parent[root] as number;
    while ((parent[i] as number) !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  for (let s = 0; s < data.scorecardCandidate.length; s++) {
    const a = findRoot(data.scorecardInterviewer[s] as number);
    const b = findRoot(interviewers + (data.scorecardCandidate[s] as number));
    if (a !== b) parent[b] = a;
  }
  const components = new Map<number, number[]>();
  for (let j = 0; j < interviewers; j++) {
    const root = findRoot(j);
    const members = components.get(root);
    if (members) members.push(j);
    else components.set(root, [j]);
  }
  const countRatings = (members: number[]): number =>
    members.reduce((sum, j) => sum + (data.interviewerRatings[j] as number), 0);
  const firstId = (members: number[]): string => members.map((j) => data.interviewerIds[j] as string).sort()[0] ?? "";
  const ranked = [...components.values()].sort(
    (a, b) => countRatings(b) - countRatings(a) || b.length - a.length || (firstId(a) < firstId(b) ? -1 : 1),
  );
  const main = ranked[0] ?? [];
  const members = main.length >= 2 ? main.sort((a, b) => a - b) : [];
  const position = new Int32Array(interviewers).fill(-1);
  members.forEach((j, p) => (position[j] = p));
  const candidateInPanel = new Uint8Array(candidates);
  if (members.length >= 2) {
    const root = findRoot(members[0] as number);
    for (let c = 0; c < candidates; c++) if (findRoot(interviewers + c) === root) candidateInPanel[c] = 1;
  }
  return { position, members: Int32Array.from(members), size: members.length, candidateInPanel };
}

/** Code-unit order: repeatable on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
