// Staffing one loop: given who could take each round at its start time, pick an interviewer per round,
// new faces and the least loaded first, within every interviewer's weekly cap.

/** An interviewer who can take one round at one start time, judged on their own (ignoring the rest of the loop). */
export interface Eligible {
  who: number; // index into the prepared interviewers
  id: string;
  week: number; // index into their zone's weeks
  booked: number; // existing rounds that week
  cap: number | null;
  load: number; // booked ÷ cap; 0 when uncapped
}

export interface Pick {
  eligible: Eligible;
  load: number; // including earlier rounds of this loop in the same week
}

export function computeLoad(booked: number, cap: number | null): number {
  return cap === null ? 0 : booked / cap;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareEligible(a: Eligible, b: Eligible): number {
  return a.load - b.load || a.booked - b.booked || compareIds(a.id, b.id);
}

function countUsage(picks: Pick[], e: Eligible): number {
  let count = 0;
  for (const p of picks) if (p.eligible.who === e.who && p.eligible.week === e.week) count++;
  return count;
}

function countRoomLeft(e: Eligible, picks: Pick[]): number {
  return e.cap === null ? Number.POSITIVE_INFINITY : e.cap - e.booked - countUsage(picks, e);
}

/**
 * Interviewers already on this loop who still have room under their cap, least loaded first. Rounds of
 * one loop never overlap (they run in order with breakMin ≥ 0), so reusing someone never double-books them.
 */
function rankReuse(eligible: Eligible[], picks: Pick[]): Pick[] {
  const options: { pick: Pick; count: number }[] = [];
  for (const e of eligible) {
    const usage = countUsage(picks, e);
    if (usage === 0 || (e.cap !== null && e.booked + usage >= e.cap)) continue;
    options.push({ pick: { eligible: e, load: computeLoad(e.booked + usage, e.cap) }, count: e.booked + usage });
  }
  options.sort(
    (a, b) => a.pick.load - b.pick.load || a.count - b.count || compareIds(a.pick.eligible.id, b.pick.eligible.id),
  );
  return options.map((o) => o.pick);
}

function isOnLoop(picks: Pick[], who: number): boolean {
  return picks.some((p) => p.eligible.who === who);
}

/** Every choice for a round in order of preference: new faces (least loaded first), then reuse. */
function rankChoices(eligible: Eligible[], picks: Pick[]): Pick[] {
  const fresh = eligible.filter((e) => !isOnLoop(picks, e.who)).map((e) => ({ eligible: e, load: e.load }));
  return [...fresh, ...rankReuse(eligible, picks)];
}

/**
 * Whether rounds `from`… can each get an interviewer, given the rounds already picked. Caps make this a
 * bipartite matching with capacities (interviewer × week); augmenting paths (Kuhn) decide it exactly.
 */
function canStaffRest(slots: Eligible[][], from: number, picks: Pick[]): boolean {
  const held = new Map<string, number[]>();
  const place = (round: number, seen: Set<string>): boolean => {
    for (const e of slots[round] ?? []) {
      const key = `${e.who}:${e.week}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const rounds = held.get(key) ?? [];
      if (rounds.length < countRoomLeft(e, picks)) {
        rounds.push(round);
        held.set(key, rounds);
        return true;
      }
      for (let i = 0; i < rounds.length; i++) {
        if (place(rounds[i] ?? round, seen)) {
          rounds[i] = round;
          return true;
        }
      }
    }
    return false;
  };
  for (let round = from; round < slots.length; round++) if (!place(round, new Set())) return false;
  return true;
}

/**
 * Staffs each round in order with its preferred interviewer. The greedy pass almost always succeeds; when
 * caps make it paint itself into a corner (someone needed later was spent earlier), it redoes the choices,
 * taking at each round the most preferred one that still leaves the rest of the loop staffable.
 */
export function staffLoop(slots: Eligible[][]): Pick[] | null {
  const picks: Pick[] = [];
  for (const eligible of slots) {
    const fresh = eligible.find((e) => !isOnLoop(picks, e.who));
    const pick = fresh ? { eligible: fresh, load: fresh.load } : rankReuse(eligible, picks)[0];
    if (!pick) return staffLoopWithLookahead(slots);
    picks.push(pick);
  }
  return picks;
}

function staffLoopWithLookahead(slots: Eligible[][]): Pick[] | null {
  const picks: Pick[] = [];
  for (let round = 0; round < slots.length; round++) {
    const choice = rankChoices(slots[round] ?? [], picks).find((c) => canStaffRest(slots, round + 1, [...picks, c]));
    if (!choice) return null;
    picks.push(choice);
  }
  return picks;
}
