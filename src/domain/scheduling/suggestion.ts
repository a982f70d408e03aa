// The search for loop times that suit a candidate and a panel of interviewers: start times over the
// candidate's free time, rounds in order with breaks, one suggestion per calendar day, best first.
// Pure: every input, `now` included, is passed in.

import {
  containsSpan,
  intersectMergedSpans,
  mergeSpans,
  subtractMergedSpans,
  toSpan,
  type Interval,
  type Span,
} from "./intervals";
import { compareEligible, computeLoad, staffLoop, type Eligible, type Pick } from "./staffing";
import {
  buildOffsetTimeline,
  DAY_MS,
  findLocalDay,
  findOffset,
  formatIsoWeek,
  getIsoWeekday,
  HOUR_MS,
  MINUTE_MS,
  requireZone,
  resolveWallTime,
  type OffsetTimeline,
} from "./zones";

export interface InterviewerSlotInput {
  id: string;
  timeZone: string;
  available: Interval[]; // already expanded
  busy: Interval[]; // existing bookings
  weeklyCap: number | null; // max rounds per ISO week (in the interviewer's zone); null = no cap
  bookedByWeek: Record<string, number>; // existing rounds per ISO week key "2026-W10" (interviewer's zone)
}

export interface RoundRequest {
  key: string;
  durationMin: number;
  pool: string[] /* interviewer ids qualified for it */;
}

export interface SlotSuggestion {
  start: Date;
  end: Date;
  /** `alternates`: other qualified interviewers free for that round at that time, to swap in. */
  rounds: { key: string; start: Date; end: Date; interviewerId: string; alternates: string[] }[];
  /**
   * Lower is better. score = hours from `now` to the loop's start
   *   + hours of waiting beyond `breakMin` between rounds
   *   + LOAD_WEIGHT_HOURS × Σ over rounds of the chosen interviewer's load,
   * where load = rounds they already have that ISO week (existing bookings plus earlier rounds of this loop)
   * ÷ their weekly cap, and 0 for an interviewer without a cap.
   */
  score: number;
}

/** Spreading a loop over one more day weighs as much as starting it this many hours later. */
export const DAY_SPLIT_PENALTY_HOURS = 6;

/** One round with an interviewer already at their weekly cap weighs as much as starting this many hours later. */
export const LOAD_WEIGHT_HOURS = 8;

export interface SuggestLoopSlotsInput {
  rounds: RoundRequest[]; // in order
  candidate: { available: Interval[]; busy: Interval[] };
  interviewers: InterviewerSlotInput[];
  range: Interval; // search window, e.g. next 4 weeks
  now: Date; // nothing starts before now
  breakMin: number; // gap between consecutive rounds (minimum)
  maxGapMin?: number; // max wait between consecutive rounds (default 60)
  stepMin?: number; // granularity of start times (default 15)
  maxSuggestions?: number; // default 5
  /**
   * The loop may spread over this many of the candidate's calendar days (default 1: all in one sitting).
   * Rounds stay in order; a round may move to a later day instead of waiting, which costs
   * DAY_SPLIT_PENALTY_HOURS per extra day in the score.
   */
  maxDays?: number;
  /**
   * Where the candidate lives (default "UTC"). Start times are aligned to `stepMin` on this zone's clock
   * (so a 60-minute step gives :00 starts in Asia/Kolkata too), and suggestions are varied by this zone's
   * calendar days: at most one per day.
   */
  candidateTimeZone?: string;
}
interface PreparedInterviewer {
  id: string;
  free: Span[];
  cap: number | null;
  weekStarts: number[]; // instants of local Monday 00:00, ascending
  booked: number[]; // existing rounds per week, parallel to weekStarts
}

interface ZoneWeeks {
  starts: number[];
  keys: string[];
}

function listWeeks(timeline: OffsetTimeline, range: Span): ZoneWeeks {
  const weeks: ZoneWeeks = { starts: [], keys: [] };
  const firstDay = findLocalDay(timeline, range.start);
  for (let monday = firstDay - getIsoWeekday(firstDay) + 1; ; monday += 7) {
    const start = resolveWallTime(timeline, monday * DAY_MS);
    if (start >= range.end) break;
    weeks.starts.push(start);
    weeks.keys.push(formatIsoWeek(monday));
  }
  return weeks;
}

function findWeekIndex(weekStarts: number[], at: number): number {
  for (let i = weekStarts.length - 1; i > 0; i--) if (at >= (weekStarts[i] ?? 0)) return i;
  return 0;
}

function requirePositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number, got ${value}`);
}

interface DayBest {
  score: number;
  starts: number[];
  picks: Pick[];
  alternates: string[][];
}

/**
 * Suggests start times for a loop of rounds, best first (see SlotSuggestion.score), at most one per
 * calendar day of the candidate. Each suggestion is the best loop of its day; the search visits days in
 * order and stops once no later start can beat the suggestions it already has. Returns [] when nothing
 * fits. Throws RangeError on non-positive durations or step, a negative break, or an unknown zone.
 */
export function suggestLoopSlots(input: SuggestLoopSlotsInput): SlotSuggestion[] {
  const { rounds, breakMin } = input;
  const maxGapMin = input.maxGapMin ?? 60;
  const stepMin = input.stepMin ?? 15;
  const maxSuggestions = input.maxSuggestions ?? 5;
  const maxDays = Math.max(1, Math.floor(input.maxDays ?? 1));
  requirePositive("stepMin", stepMin);
  for (const r of rounds) requirePositive(`durationMin of round "${r.key}"`, r.durationMin);
  if (!(breakMin >= 0)) throw new RangeError(`breakMin must not be negative, got ${breakMin}`);
  const range = toSpan(input.range);
  const nowMs = input.now.getTime();
  if (rounds.length === 0 || maxSuggestions < 1 || maxGapMin < breakMin || !(range.start < range.end)) return [];

  const margin = { start: range.start - 2 * DAY_MS, end: range.end + 2 * DAY_MS };
  const timelines = new Map<string, OffsetTimeline>();
  const getTimeline = (timeZone: string): OffsetTimeline => {
    let timeline = timelines.get(timeZone);
    if (!timeline) {
      timeline = buildOffsetTimeline(requireZone(timeZone), margin.start, margin.end);
      timelines.set(timeZone, timeline);
    }
    return timeline;
  };
  const zoneWeeks = new Map<string, ZoneWeeks>();
  const getWeeks = (timeZone: string): ZoneWeeks => {
    let weeks = zoneWeeks.get(timeZone);
    if (!weeks) {
      weeks = listWeeks(getTimeline(timeZone), range);
      zoneWeeks.set(timeZone, weeks);
    }
    return weeks;
  };

  const prepared: PreparedInterviewer[] = input.interviewers.map((i) => {
    const weeks = getWeeks(i.timeZone);
    return {
      id: i.id,
      free: subtractMergedSpans(mergeSpans(i.available.map(toSpan)), mergeSpans(i.busy.map(toSpan))),
      cap: i.weeklyCap,
      weekStarts: weeks.starts,
      booked: weeks.keys.map((key) => i.bookedByWeek[key] ?? 0),
    };
  });
  const indexById = new Map(prepared.map((p, index) => [p.id, index]));
  const pools = rounds.map((r) => [...new Set(r.pool)].flatMap((id) => indexById.get(id) ?? []));
  const durations = rounds.map((r) => r.durationMin * MINUTE_MS);

  const candidateTimeline = getTimeline(input.candidateTimeZone ?? "UTC");
  const candidateFree = intersectMergedSpans(
    subtractMergedSpans(
      mergeSpans(input.candidate.available.map(toSpan)),
      mergeSpans(input.candidate.busy.map(toSpan)),
    ),
    [{ start: Math.max(range.start, nowMs), end: range.end }],
  );

  const stepMs = stepMin * MINUTE_MS;
  const breakMs = breakMin * MINUTE_MS;
  const maxGapMs = maxGapMin * MINUTE_MS;
  const alignUp = (at: number): number => {
    const offset = findOffset(candidateTimeline, at);
    return Math.ceil((at + offset) / stepMs) * stepMs - offset;
  };

  // Whether a round fits at a start time, and who could take it, doesn't depend on the rest of the loop,
  // so it is worked out once per (round, start) and reused by every loop that passes through it.
  const cache = rounds.map(() => new Map<number, Eligible[]>());
  const findEligible = (round: number, start: number): Eligible[] => {
    const memo = cache[round];
    const cached = memo?.get(start);
    if (cached) return cached;
    const end = start + (durations[round] ?? 0);
    const eligible: Eligible[] = [];
    if (containsSpan(candidateFree, start, end)) {
      for (const who of pools[round] ?? []) {
        const p = prepared[who];
        if (!p || !containsSpan(p.free, start, end)) continue;
        const week = findWeekIndex(p.weekStarts, start);
        const booked = p.booked[week] ?? 0;
        if (p.cap !== null && booked >= p.cap) continue;
        eligible.push({ who, id: p.id, week, booked, cap: p.cap, load: computeLoad(booked, p.cap) });
      }
      eligible.sort(compareEligible);
    }
    memo?.set(start, eligible);
    return eligible;
  };

  const last = rounds.length - 1;
  const starts = rounds.map(() => 0);
  const slots: Eligible[][] = rounds.map(() => []);
  const finished: DayBest[] = [];
  const finishedScores: number[] = []; // ascending
  let dayBest: DayBest | undefined;
  let bound = Number.POSITIVE_INFINITY; // a loop must score below this to matter

  const getNthFinishedScore = (): number => finishedScores[maxSuggestions - 1] ?? Number.POSITIVE_INFINITY;
  const updateBound = (): void => {
    bound = Math.min(getNthFinishedScore(), dayBest?.score ?? Number.POSITIVE_INFINITY);
  };

  // The candidate's free time on one of their calendar days, for a round that moves to a later day.
  const freeStartsOnDay = (day: number, notBefore: number): number[] => {
    const dayStart = Math.max(resolveWallTime(candidateTimeline, day * DAY_MS), notBefore);
    const dayEnd = resolveWallTime(candidateTimeline, (day + 1) * DAY_MS);
    const out: number[] = [];
    for (const free of candidateFree) {
      if (free.end <= dayStart || free.start >= dayEnd) continue;
      // The first few starts of each free stretch of that day: the search takes the earliest that works.
      const first = alignUp(Math.max(free.start, dayStart));
      for (let at = first; at < Math.min(free.end, dayEnd) && at <= first + maxGapMs; at += stepMs) out.push(at);
    }
    return out;
  };

  // Depth-first over the rounds' start times, pruning a branch once even its best case can't beat `bound`:
  // each round's load is at least that of its least-loaded eligible interviewer (`floorLoad` sums them).
  // `firstDay` is the candidate's day of the first round; later rounds may move to later days (maxDays).
  const explore = (
    round: number,
    start: number,
    hoursAhead: number,
    waitMs: number,
    floorLoad: number,
    firstDay: number,
    penalty: number,
  ): void => {
    const eligible = findEligible(round, start);
    const lightest = eligible[0];
    if (!lightest) return;
    const load = floorLoad + lightest.load;
    if (hoursAhead + waitMs / HOUR_MS + penalty + LOAD_WEIGHT_HOURS * load >= bound) return;
    starts[round] = start;
    slots[round] = eligible;
    if (round === last) {
      const picks = staffLoop(slots);
      if (!picks) return;
      const score =
        hoursAhead + waitMs / HOUR_MS + penalty + LOAD_WEIGHT_HOURS * picks.reduce((sum, p) => sum + p.load, 0);
      if (score < bound) {
        dayBest = {
          score,
          starts: [...starts],
          picks,
          alternates: slots.map((e, i) => e.map((x) => x.id).filter((id) => id !== picks[i]?.eligible.id)),
        };
        updateBound();
      }
      return;
    }
    const end = start + (durations[round] ?? 0);
    for (let next = alignUp(end + breakMs); next <= end + maxGapMs; next += stepMs) {
      explore(round + 1, next, hoursAhead, waitMs + (next - end - breakMs), load, firstDay, penalty);
    }
    if (maxDays > 1) {
      const today = findLocalDay(candidateTimeline, start);
      for (let day = today + 1; day < firstDay + maxDays; day++) {
        for (const next of freeStartsOnDay(day, end + breakMs)) {
          explore(
            round + 1,
            next,
            hoursAhead,
            waitMs,
            load,
            firstDay,
            penalty + DAY_SPLIT_PENALTY_HOURS * (day - today),
          );
        }
      }
    }
  };

  const finishDay = (): void => {
    const best = dayBest;
    dayBest = undefined;
    if (best) {
      finished.push(best);
      const at = finishedScores.findIndex((s) => s > best.score);
      finishedScores.splice(at === -1 ? finishedScores.length : at, 0, best.score);
    }
    updateBound();
  };

  let currentDay = Number.NaN;
  search: for (const free of candidateFree) {
    for (let start = alignUp(free.start); start + (durations[0] ?? 0) <= free.end; start += stepMs) {
      const day = findLocalDay(candidateTimeline, start);
      if (day !== currentDay) {
        finishDay();
        currentDay = day;
      }
      const hoursAhead = (start - nowMs) / HOUR_MS;
      // Every score is at least its hours ahead, and those only grow from here.
      if (hoursAhead >= getNthFinishedScore()) break search;
      if (hoursAhead < bound) explore(0, start, hoursAhead, 0, 0, day, 0);
    }
  }
  finishDay();

  return finished
    .sort((a, b) => a.score - b.score || (a.starts[0] ?? 0) - (b.starts[0] ?? 0))
    .slice(0, maxSuggestions)
    .map((best) => {
      const loopRounds = rounds.map((r, i) => {
        const start = best.starts[i] ?? 0;
        return {
          key: r.key,
          start: new Date(start),
          end: new Date(start + (durations[i] ?? 0)),
          interviewerId: best.picks[i]?.eligible.id ?? "",
          alternates: best.alternates[i] ?? [],
        };
      });
      return {
        start: loopRounds[0]?.start ?? new Date(Number.NaN),
        end: loopRounds[last]?.end ?? new Date(Number.NaN),
        rounds: loopRounds,
        score: best.score,
      };
    });
}
