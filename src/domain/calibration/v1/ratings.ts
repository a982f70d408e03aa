// FROZEN BASELINE (v1), kept only so the simulation tests compare v2 against it (../simulation.test.ts).
// Do not use in the product: ../calibrate.ts is the engine.

import { type Rating } from "./types";

// ---------------------------------------------------------------------------------------------------
// Indexing: strings become dense integer indices once, so every sweep runs over typed arrays.

export interface IndexedRatings {
  count: number;
  value: Float64Array;
  weight: Float64Array;
  group: Int32Array;
  interviewer: Int32Array;
  /** Groups are (candidate, key) cells; each gets its own θ. */
  groupCandidate: Int32Array;
  groupKey: string[];
  groupWeight: Float64Array;
  groupCount: Int32Array;
  /** Ratings ordered by group: groupOrder[groupStart[g] .. groupStart[g + 1]) are the ratings of g. */
  groupStart: Int32Array;
  groupOrder: Int32Array;
  candidateIds: string[];
  interviewerIds: string[];
  interviewerWeight: Float64Array;
  interviewerCount: Int32Array;
}

export function indexRatings(ratings: Rating[]): IndexedRatings {
  const count = ratings.length;
  const value = new Float64Array(count);
  const weight = new Float64Array(count);
  const group = new Int32Array(count);
  const interviewer = new Int32Array(count);
  const candidateIndex = new Map<string, number>();
  const interviewerIndex = new Map<string, number>();
  // candidate → key → group: two small lookups instead of building a joined string per rating.
  const groupIndex = new Map<string, Map<string, number>>();
  const candidateIds: string[] = [];
  const interviewerIds: string[] = [];
  const groupCandidateList: number[] = [];
  const groupKey: string[] = [];

  for (let r = 0; r < count; r++) {
    const rating = ratings[r] as Rating;
    const ratingWeight = rating.weight ?? 1;
    if (!Number.isFinite(rating.value)) {
      throw new RangeError(
        `Rating ${r} (candidate ${rating.candidateId}, interviewer ${rating.interviewerId}) has no finite value.`,
      );
    }
    if (!Number.isFinite(ratingWeight) || ratingWeight <= 0) {
      throw new RangeError(
        `Rating ${r} has weight ${ratingWeight}; weights must be finite and > 0 (leave a rating out to ignore it).`,
      );
    }
    let candidate = candidateIndex.get(rating.candidateId);
    if (candidate === undefined) {
      candidate = candidateIds.length;
      candidateIndex.set(rating.candidateId, candidate);
      candidateIds.push(rating.candidateId);
      groupIndex.set(rating.candidateId, new Map());
    }
    const keys = groupIndex.get(rating.candidateId) as Map<string, number>;
    let cell = keys.get(rating.key);
    if (cell === undefined) {
      cell = groupKey.length;
      keys.set(rating.key, cell);
      groupKey.push(rating.key);
      groupCandidateList.push(candidate);
    }
    let rater = interviewerIndex.get(rating.interviewerId);
    if (rater === undefined) {
      rater = interviewerIds.length;
      interviewerIndex.set(rating.interviewerId, rater);
      interviewerIds.push(rating.interviewerId);
    }
    value[r] = rating.value;
    weight[r] = ratingWeight;
    group[r] = cell;
    interviewer[r] = rater;
  }

  const groups = groupKey.length;
  const groupWeight = new Float64Array(groups);
  const groupCount = new Int32Array(groups);
  const interviewerWeight = new Float64Array(interviewerIds.length);
  const interviewerCount = new Int32Array(interviewerIds.length);
  for (let r = 0; r < count; r++) {
    const g = group[r] as number;
    const j = interviewer[r] as number;
    groupWeight[g] = (groupWeight[g] as number) + (weight[r] as number);
    groupCount[g] = (groupCount[g] as number) + 1;
    interviewerWeight[j] = (interviewerWeight[j] as number) + (weight[r] as number);
    interviewerCount[j] = (interviewerCount[j] as number) + 1;
  }
  // Counting sort by group, for the per-cell work after the fit.
  const groupStart = new Int32Array(groups + 1);
  for (let g = 0; g < groups; g++) groupStart[g + 1] = (groupStart[g] as number) + (groupCount[g] as number);
  const cursor = groupStart.slice(0, groups);
  const groupOrder = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    const g = group[r] as number;
    groupOrder[cursor[g] as number] = r;
    cursor[g] = (cursor[g] as number) + 1;
  }

  return {
    count,
    value,
    weight,
    group,
    interviewer,
    groupCandidate: Int32Array.from(groupCandidateList),
    groupKey,
    groupWeight,
    groupCount,
    groupStart,
    groupOrder,
    candidateIds,
    interviewerIds,
    interviewerWeight,
    interviewerCount,
  };
}

// ---------------------------------------------------------------------------------------------------
// Identifiability: two interviewers can be compared only through cells (candidate, key) they both rated,
// directly or via a chain of others. Each connected component of that graph has its own unknown zero
// point, so severities are estimated in the largest component only (the "main panel").

export interface MainPanel {
  /** Position of each interviewer in the panel (0..size−1), or −1 outside it. */
  position: Int32Array;
  members: Int32Array;
  size: number;
  /** Interviewers outside the panel, grouped by component, each component sorted by id. */
  outsiders: string[][];
}

export function findMainPanel(data: IndexedRatings): MainPanel {
  const interviewers = data.interviewerIds.length;
  const parent = Int32Array.from({ length: interviewers }, (_, j) => j);
  const findRoot = (j: number): number => {
    let root = j;
    while ((parent[root] as number) !== root) root = parent[root] as number;
    // Path compression keeps later look-ups short.
    while ((parent[j] as number) !== root) {
      const next = parent[j] as number;
      parent[j] = root;
      j = next;
    }
    return root;
  };
  const groups = data.groupKey.length;
  for (let g = 0; g < groups; g++) {
    const start = data.groupStart[g] as number;
    const end = data.groupStart[g + 1] as number;
    const first = findRoot(data.interviewer[data.groupOrder[start] as number] as number);
    for (let p = start + 1; p < end; p++) {
      const other = findRoot(data.interviewer[data.groupOrder[p] as number] as number);
      if (other !== first) parent[other] = first;
    }
  }

  const components = new Map<number, number[]>();
  for (let j = 0; j < interviewers; j++) {
    const root = findRoot(j);
    const members = components.get(root);
    if (members) members.push(j);
    else components.set(root, [j]);
  }
  const countRatings = (members: number[]): number =>
    members.reduce((sum, j) => sum + (data.interviewerCount[j] as number), 0);
  const firstId = (members: number[]): string =>
    members.map((j) => data.interviewerIds[j] as string).sort(compareText)[0] ?? "";
  // Most ratings wins; ties go to more interviewers, then to the smallest id, so the choice is repeatable.
  const ranked = [...components.values()].sort(
    (a, b) => countRatings(b) - countRatings(a) || b.length - a.length || compareText(firstId(a), firstId(b)),
  );
  const main = ranked[0] ?? [];
  // A lone interviewer has no one to be more or less lenient than.
  const panelMembers = main.length >= 2 ? main : [];
  const position = new Int32Array(interviewers).fill(-1);
  panelMembers.forEach((j, p) => (position[j] = p));
  const outsiders = ranked
    .filter((members) => members !== panelMembers)
    .map((members) => members.map((j) => data.interviewerIds[j] as string).sort(compareText));

  return { position, members: Int32Array.from(panelMembers), size: panelMembers.length, outsiders };
}

/** Code-unit order: repeatable on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
