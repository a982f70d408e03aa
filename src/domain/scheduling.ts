// Scheduling for practice interview loops: interval arithmetic, weekly availability turned into absolute
// time across zones and daylight-saving changes, and the search for loop times that suit a candidate and
// a panel of interviewers. Pure: every input, `now` included, is passed in; luxon only supplies the
// time-zone database (UTC offsets).

import { IANAZone } from "luxon";

const SECOND_MS = 1_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------------
// Intervals

/** Half-open [start, end) in absolute time. Touching intervals do not overlap. */
export interface Interval {
  start: Date;
  end: Date;
}

/** Epoch milliseconds: the hot loops below compare numbers rather than allocate and read Dates. */
interface Span {
  start: number;
  end: number;
}

function toSpan(interval: Interval): Span {
  return { start: interval.start.getTime(), end: interval.end.getTime() };
}

function toInterval(span: Span): Interval {
  return { start: new Date(span.start), end: new Date(span.end) };
}

function spansOverlap(a: Span, b: Span): boolean {
  // An empty interval holds no instant, so it overlaps nothing, not even an interval around it.
  return a.start < a.end && b.start < b.end && a.start < b.end && b.start < a.end;
}

/** Sorted, disjoint, non-touching spans; empty and inverted ones are dropped. Does not mutate input. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.start < s.end).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** Both inputs merged (sorted, disjoint); one linear sweep. */
function subtractMergedSpans(free: Span[], busy: Span[]): Span[] {
  const result: Span[] = [];
  let first = 0;
  for (const f of free) {
    let cursor = f.start;
    // Busy spans ending before this free span can't affect it or any later one.
    while ((busy[first]?.end ?? Number.POSITIVE_INFINITY) <= cursor) first++;
    for (let i = first; cursor < f.end; i++) {
      const b = busy[i];
      if (!b || b.start >= f.end) break;
      if (b.start > cursor) result.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
    }
    if (cursor < f.end) result.push({ start: cursor, end: f.end });
  }
  return result;
}

/** Both inputs merged (sorted, disjoint); one linear sweep. */
function intersectMergedSpans(a: Span[], b: Span[]): Span[] {
  const result: Span[] = [];
  let i = 0;
  let j = 0;
  for (let x = a[0], y = b[0]; x && y; x = a[i], y = b[j]) {
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) result.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return result;
}

/** Whether [start, end) lies wholly inside one of `merged` (sorted, disjoint): a binary search. */
function containsSpan(merged: Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = merged.length - 1;
  let candidate: Span | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = merged[mid];
    if (!span) break;
    if (span.start <= start) {
      candidate = span;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return candidate !== undefined && candidate.end >= end;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return spansOverlap(toSpan(a), toSpan(b));
}

/** Sorted by start; overlapping and touching intervals are joined; empty ones are dropped. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  return mergeSpans(intervals.map(toSpan)).map(toInterval);
}

/** The parts of `free` not covered by `busy`, sorted and merged. */
export function subtractIntervals(free: Interval[], busy: Interval[]): Interval[] {
  return subtractMergedSpans(mergeSpans(free.map(toSpan)), mergeSpans(busy.map(toSpan))).map(toInterval);
}

/** The time covered by both `a` and `b`, sorted and merged: e.g. when an interviewer and a candidate are both free. */
export function intersectIntervals(a: Interval[], b: Interval[]): Interval[] {
  return intersectMergedSpans(mergeSpans(a.map(toSpan)), mergeSpans(b.map(toSpan))).map(toInterval);
}

/** Ids of the existing intervals that overlap `proposed`, in input order. Touching is not a conflict. */
export function findConflicts(existing: (Interval & { id: string })[], proposed: Interval): string[] {
  const target = toSpan(proposed);
  return existing.filter((e) => spansOverlap(toSpan(e), target)).map((e) => e.id);
}

// ---------------------------------------------------------------------------------------------------
// Time zones: local calendar days are counted as whole days since 1970-01-01 ("day numbers").

function requireZone(timeZone: string): IANAZone {
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}"`);
  return IANAZone.create(timeZone);
}

/**
 * A zone's UTC offsets over a bounded period. Reading one offset through Intl takes several microseconds
 * and the slot search converts thousands of instants, so each zone is sampled once per call instead.
 */
interface OffsetTimeline {
  /** Segment i applies from `since[i]` (epoch ms) until the next segment. */
  since: number[];
  offsetMs: number[];
}

function readOffsetMs(zone: IANAZone, at: number): number {
  return zone.offset(at) * MINUTE_MS;
}

/**
 * Samples once a UTC day, then binary-searches each change to the second (tz transitions fall on whole
 * seconds). Assumes at most one transition per day, which holds for every zone in use today.
 */
function buildOffsetTimeline(zone: IANAZone, from: number, to: number): OffsetTimeline {
  let previous = Math.floor(from / DAY_MS) * DAY_MS;
  let previousOffset = readOffsetMs(zone, previous);
  const timeline: OffsetTimeline = { since: [Number.NEGATIVE_INFINITY], offsetMs: [previousOffset] };
  for (let sample = previous + DAY_MS; previous < to; sample += DAY_MS) {
    const offset = readOffsetMs(zone, sample);
    if (offset !== previousOffset) {
      let before = previous;
      let after = sample;
      while (after - before > SECOND_MS) {
        const mid = before + Math.floor((after - before) / 2 / SECOND_MS) * SECOND_MS;
        if (readOffsetMs(zone, mid) === previousOffset) before = mid;
        else after = mid;
      }
      timeline.since.push(after);
      timeline.offsetMs.push(offset);
    }
    previous = sample;
    previousOffset = offset;
  }
  return timeline;
}

function findOffset(timeline: OffsetTimeline, at: number): number {
  // A handful of segments at most: a backwards scan beats a binary search here.
  for (let i = timeline.since.length - 1; i > 0; i--) {
    if (at >= (timeline.since[i] ?? Number.POSITIVE_INFINITY)) return timeline.offsetMs[i] ?? 0;
  }
  return timeline.offsetMs[0] ?? 0;
}

function findLocalDay(timeline: OffsetTimeline, at: number): number {
  return Math.floor((at + findOffset(timeline, at)) / DAY_MS);
}

/**
 * The instant a local wall-clock time (written as epoch ms of the same reading in UTC) happens at.
 * Same rules as Temporal's "compatible" disambiguation and RFC 5545: a time skipped by spring-forward is
 * read with the offset from before the gap, so it moves forward by the gap's length (02:30 → 03:30); a
 * time that happens twice at fall-back means its first occurrence. Both keep a window's real length.
 */
function resolveWallTime(timeline: OffsetTimeline, wall: number): number {
  const offsetBefore = findOffset(timeline, wall - DAY_MS);
  const offsetAfter = findOffset(timeline, wall + DAY_MS);
  const early = wall - offsetBefore;
  const late = wall - offsetAfter;
  const earlyValid = findOffset(timeline, early) === offsetBefore;
  const lateValid = findOffset(timeline, late) === offsetAfter;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  return early;
}

/** ISO weekday of a day number: Monday = 1 … Sunday = 7 (day 0, 1970-01-01, was a Thursday). */
function getIsoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function formatIsoWeek(day: number): string {
  // An ISO week belongs to the year that holds its Thursday.
  const thursday = day - getIsoWeekday(day) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** ISO week key such as "2026-W10" of the local date at `at` in `timeZone`. */
export function isoWeekKey(at: Date, timeZone: string): string {
  const zone = requireZone(timeZone);
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError("isoWeekKey needs a valid date");
  return formatIsoWeek(Math.floor((ms + readOffsetMs(zone, ms)) / DAY_MS));
}

// ---------------------------------------------------------------------------------------------------
// Weekly availability

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const; // ISO: Monday = 1

export interface WeeklyWindow {
  weekday: number;
  start: string /* "HH:mm" local */;
  end: string /* "HH:mm", > start; "24:00" allowed */;
}

export type DateException =
  | { date: string /* YYYY-MM-DD local */; available: false }
  | { date: string; available: true; windows: { start: string; end: string }[] }; // replaces that date's weekly windows

export interface ExpandAvailabilityInput {
  timeZone: string;
  weekly: WeeklyWindow[];
  exceptions: DateException[];
  range: Interval;
}

/** Minutes after local midnight; malformed input is a programming error (schemas validate user input first). */
function parseClock(value: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60)
    throw new RangeError(`Invalid time "${value}", expected HH:mm`);
  return minutes;
}

function parseWindow(window: { start: string; end: string }): { startMin: number; endMin: number } {
  const startMin = parseClock(window.start);
  const endMin = parseClock(window.end);
  if (endMin <= startMin) throw new RangeError(`Window ${window.start}–${window.end} must end after it starts`);
  return { startMin, endMin };
}

function parseDayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC rolls 2026-02-30 over into March; the round trip catches it.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date)
    throw new RangeError(`Invalid date "${date}", expected YYYY-MM-DD`);
  return ms / DAY_MS;
}

/**
 * Expands weekly windows in `timeZone` into absolute intervals within `range`, honouring exceptions and
 * daylight-saving transitions (a local time that does not exist is pushed forward; a window on a DST day
 * has its real length). An exception replaces the whole date's weekly windows; if a date has several
 * exceptions, the last one wins. Throws RangeError on an unknown zone or malformed times and dates.
 */
export function expandAvailability(input: ExpandAvailabilityInput): Interval[] {
  const zone = requireZone(input.timeZone);
  const range = toSpan(input.range);
  if (!(range.start < range.end)) return [];

  const weekly = new Map<number, { startMin: number; endMin: number }[]>();
  for (const w of input.weekly) {
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7)
      throw new RangeError(`Invalid ISO weekday ${w.weekday}`);
    weekly.set(w.weekday, [...(weekly.get(w.weekday) ?? []), parseWindow(w)]);
  }
  const exceptions = new Map<number, { startMin: number; endMin: number }[]>();
  for (const e of input.exceptions)
    exceptions.set(parseDayNumber(e.date), e.available ? e.windows.map(parseWindow) : []);

  // Margins of two days cover every offset (±14 h) around the range's ends.
  const timeline = buildOffsetTimeline(zone, range.start - 2 * DAY_MS, range.end + 2 * DAY_MS);
  const spans: Span[] = [];
  const lastDay = findLocalDay(timeline, range.end);
  for (let day = findLocalDay(timeline, range.start); day <= lastDay; day++) {
    const windows = exceptions.get(day) ?? weekly.get(getIsoWeekday(day)) ?? [];
    for (const { startMin, endMin } of windows) {
      const start = Math.max(range.start, resolveWallTime(timeline, day * DAY_MS + startMin * MINUTE_MS));
      const end = Math.min(range.end, resolveWallTime(timeline, day * DAY_MS + endMin * MINUTE_MS));
      spans.push({ start, end });
    }
  }
  return mergeSpans(spans).map(toInterval);
}

// ---------------------------------------------------------------------------------------------------
// Loop slot suggestions

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

/** An interviewer who can take one round at one start time, judged on their own (ignoring the rest of the loop). */
interface Eligible {
  who: number; // index into the prepared interviewers
  id: string;
  week: number; // index into their zone's weeks
  booked: number; // existing rounds that week
  cap: number | null;
  load: number; // booked ÷ cap; 0 when uncapped
}

interface Pick {
  eligible: Eligible;
  load: number; // including earlier rounds of this loop in the same week
}

function computeLoad(booked: number, cap: number | null): number {
  return cap === null ? 0 : booked / cap;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareEligible(a: Eligible, b: Eligible): number {
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
function staffLoop(slots: Eligible[][]): Pick[] | null {
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
