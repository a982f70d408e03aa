// Benchmark for loop slot finding: 50 interviewers across five zones with realistic, seeded (so
// repeatable) working hours, bookings and caps over four weeks, a candidate in New York, and a five-round
// loop — in one sitting, with no fit at all, and spread over up to three days for a candidate with only
// mornings free. Times expandAvailability for everyone, suggestLoopSlots and the "why nothing fits"
// explanation (computed on every run), and checks the median total against the 200 ms target.
//
//   npx tsx bench/slots.ts

import { type DateException, expandAvailability, type WeeklyWindow } from "../src/domain/scheduling/availability";
import type { Interval } from "../src/domain/scheduling/intervals";
import { explainNoFit } from "../src/domain/scheduling/slot-explanation";
import {
  type InterviewerSlotInput,
  type RoundRequest,
  type SlotSuggestion,
  suggestLoopSlots,
} from "../src/domain/scheduling/suggestion";
import { isoWeekKey } from "../src/domain/scheduling/zones";

const SEED = 20_260_302;
const TARGET_MS = 200;
const WARM_UP_RUNS = 5;
const MEASURED_RUNS = 30;
// Monday 2 March 2026: the four weeks cross both the US (8 March) and EU (29 March) formatClock changes.
const RANGE: Interval = { start: new Date("2026-03-02T00:00:00Z"), end: new Date("2026-03-30T00:00:00Z") };
const NOW = new Date("2026-03-02T12:00:00Z");
const CANDIDATE_ZONE = "America/New_York";
const ZONES = [
  "America/New_York",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "Europe/London",
  "Europe/Berlin",
];
const ROUNDS = [
  { key: "technical-screen", durationMin: 60 },
  { key: "coding-1", durationMin: 60 },
  { key: "coding-2", durationMin: 60 },
  { key: "system-design", durationMin: 60 },
  { key: "behavioral", durationMin: 45 },
];
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** mulberry32: tiny, fast and good enough to make test data repeatable. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = createRandom(SEED);
const drawInt = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const rollChance = (probability: number): boolean => random() < probability;
function pickOne<T>(items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pickOne needs a non-empty list");
  return item;
}
function sampleDistinct<T>(items: readonly T[], count: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
}

const formatClock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const rangeDates = Array.from({ length: (RANGE.end.getTime() - RANGE.start.getTime()) / DAY_MS }, (_, i) =>
  new Date(RANGE.start.getTime() + i * DAY_MS).toISOString().slice(0, 10),
);

interface InterviewerProfile {
  id: string;
  timeZone: string;
  weekly: WeeklyWindow[];
  exceptions: DateException[];
  weeklyCap: number | null;
  bookedByWeek: Record<string, number>;
  busy: Interval[];
}

/** Working hours starting 08:00–10:00 for 7½–9 h, some with a lunch break, a day off, leave or a half day. */
function buildWeeklyWindows(): WeeklyWindow[] {
  const start = drawInt(16, 20) * 30;
  const end = Math.min(19 * 60, start + drawInt(15, 18) * 30);
  const lunch = rollChance(0.3);
  const dayOff = rollChance(0.15) ? drawInt(1, 5) : null;
  const windows: WeeklyWindow[] = [];
  for (let weekday = 1; weekday <= 5; weekday++) {
    if (weekday === dayOff) continue;
    if (lunch)
      windows.push(
        { weekday, start: formatClock(start), end: "12:00" },
        { weekday, start: "13:00", end: formatClock(end) },
      );
    else windows.push({ weekday, start: formatClock(start), end: formatClock(end) });
  }
  return windows;
}

function buildExceptions(): DateException[] {
  const exceptions: DateException[] = [];
  for (const date of sampleDistinct(rangeDates, drawInt(0, 3))) {
    exceptions.push(
      rollChance(0.7)
        ? { date, available: false }
        : { date, available: true, windows: [{ start: "13:00", end: "17:00" }] },
    );
  }
  return exceptions;
}

/** Meetings of 30–90 minutes on the half hour inside their working time, about two a day. */
function buildBusy(available: Interval[]): Interval[] {
  const busy: Interval[] = [];
  for (const window of available) {
    const slots = Math.floor((window.end.getTime() - window.start.getTime()) / (30 * MINUTE_MS));
    for (let meetings = drawInt(0, 3); meetings > 0 && slots > 1; meetings--) {
      const start = window.start.getTime() + drawInt(0, slots - 1) * 30 * MINUTE_MS;
      busy.push({
        start: new Date(start),
        end: new Date(Math.min(window.end.getTime(), start + drawInt(1, 3) * 30 * MINUTE_MS)),
      });
    }
  }
  return busy;
}

function buildBookedByWeek(timeZone: string, cap: number | null): Record<string, number> {
  const booked: Record<string, number> = {};
  for (let week = 0; week < 4; week++) {
    const key = isoWeekKey(new Date(RANGE.start.getTime() + (week * 7 + 2) * DAY_MS), timeZone);
    // Some weeks are already full, so caps actually bite.
    booked[key] = cap === null ? drawInt(0, 6) : rollChance(0.15) ? cap : drawInt(0, cap - 1);
  }
  return booked;
}

function buildInterviewers(count: number): InterviewerProfile[] {
  return Array.from({ length: count }, (_, i) => {
    const timeZone = pickOne(ZONES);
    const weekly = buildWeeklyWindows();
    const exceptions = buildExceptions();
    const weeklyCap = rollChance(0.6) ? drawInt(3, 8) : null;
    const available = expandAvailability({ timeZone, weekly, exceptions, range: RANGE });
    return {
      id: `iv-${String(i + 1).padStart(2, "0")}`,
      timeZone,
      weekly,
      exceptions,
      weeklyCap,
      bookedByWeek: buildBookedByWeek(timeZone, weeklyCap),
      busy: buildBusy(available),
    };
  });
}

interface Scenario {
  name: string;
  interviewers: InterviewerProfile[];
  rounds: RoundRequest[];
  maxDays?: number;
  candidateWeekly?: WeeklyWindow[];
}

const interviewers = buildInterviewers(50);
const rounds: RoundRequest[] = ROUNDS.map((r) => ({
  ...r,
  pool: sampleDistinct(interviewers, drawInt(10, 25)).map((i) => i.id),
}));
const candidateWeekly: WeeklyWindow[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "18:00" }));
const candidateBusy = buildBusy(
  expandAvailability({ timeZone: CANDIDATE_ZONE, weekly: candidateWeekly, exceptions: [], range: RANGE }),
).filter(() => rollChance(0.3));

// The worst case for the search: the last round can never be staffed (its pool is at cap every week), so
// every start time is explored to the end and nothing prunes the search early.
const lastPool = new Set(rounds[rounds.length - 1]?.pool);
const exhausted = interviewers.map((i) =>
  lastPool.has(i.id)
    ? { ...i, weeklyCap: 3, bookedByWeek: Object.fromEntries(Object.keys(i.bookedByWeek).map((key) => [key, 3])) }
    : i,
);

// Free only 08:00–11:00: the five rounds (4 h 45 min with breaks) never fit one morning.
const mornings: WeeklyWindow[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "11:00" }));

const scenarios: Scenario[] = [
  { name: "typical", interviewers, rounds },
  { name: "no fit (worst case)", interviewers: exhausted, rounds },
  { name: "3-day loop (candidate free mornings only)", interviewers, rounds, maxDays: 3, candidateWeekly: mornings },
];

function runOnce(scenario: Scenario): {
  expandMs: number;
  suggestMs: number;
  explainMs: number;
  suggestions: SlotSuggestion[];
} {
  const started = performance.now();
  const slotInputs: InterviewerSlotInput[] = scenario.interviewers.map((i) => ({
    id: i.id,
    timeZone: i.timeZone,
    available: expandAvailability({ timeZone: i.timeZone, weekly: i.weekly, exceptions: i.exceptions, range: RANGE }),
    busy: i.busy,
    weeklyCap: i.weeklyCap,
    bookedByWeek: i.bookedByWeek,
  }));
  const candidateAvailable = expandAvailability({
    timeZone: CANDIDATE_ZONE,
    weekly: scenario.candidateWeekly ?? candidateWeekly,
    exceptions: [],
    range: RANGE,
  });
  const expanded = performance.now();
  const input = {
    rounds: scenario.rounds,
    candidate: { available: candidateAvailable, busy: candidateBusy },
    interviewers: slotInputs,
    range: RANGE,
    now: NOW,
    breakMin: 15,
    maxGapMin: 60,
    stepMin: 15,
    maxSuggestions: 5,
    maxDays: scenario.maxDays ?? 1,
    candidateTimeZone: CANDIDATE_ZONE,
  };
  const suggestions = suggestLoopSlots(input);
  const suggested = performance.now();
  // The page asks for the explanation when nothing fits; measured on every run, to be safe.
  explainNoFit({ ...input, roundNames: {}, interviewerNames: {} });
  return {
    expandMs: expanded - started,
    suggestMs: suggested - expanded,
    explainMs: performance.now() - suggested,
    suggestions,
  };
}

function summarize(samples: number[]): { median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (i: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, i))] ?? Number.NaN;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 0 ? (at(mid - 1) + at(mid)) / 2 : at(Math.floor(mid));
  // Nearest-rank percentile: the smallest sample with at least 95 % of samples at or below it.
  return { median, p95: at(Math.ceil(0.95 * sorted.length) - 1), max: at(sorted.length - 1) };
}

const formatMs = (ms: number): string => `${ms.toFixed(2).padStart(8)} ms`;
const describeLoop = (s: SlotSuggestion): string =>
  `${s.start.toISOString().slice(0, 16)}Z score ${s.score.toFixed(2)}: ` +
  s.rounds.map((r) => `${r.key}@${r.start.toISOString().slice(5, 16)}/${r.interviewerId}`).join(" ");

console.log(`suggestLoopSlots benchmark, seed ${SEED}`);
console.log(
  `  ${interviewers.length} interviewers in ${new Set(interviewers.map((i) => i.timeZone)).size} zones, ` +
    `${interviewers.filter((i) => i.weeklyCap !== null).length} capped, ${interviewers.reduce((n, i) => n + i.busy.length, 0)} busy bookings; ` +
    `candidate ${CANDIDATE_ZONE} weekdays 08:00–18:00; ${RANGE.start.toISOString().slice(0, 10)} + 4 weeks`,
);
console.log(`  loop: ${rounds.map((r) => `${r.key} ${r.durationMin}m (pool ${r.pool.length})`).join(", ")}`);
console.log(
  `  ${WARM_UP_RUNS} warm-up + ${MEASURED_RUNS} measured runs each; target: median total < ${TARGET_MS} ms\n`,
);

let failed = false;
for (const scenario of scenarios) {
  for (let i = 0; i < WARM_UP_RUNS; i++) runOnce(scenario);
  const expand: number[] = [];
  const suggest: number[] = [];
  const explain: number[] = [];
  const total: number[] = [];
  let suggestions: SlotSuggestion[] = [];
  for (let i = 0; i < MEASURED_RUNS; i++) {
    const run = runOnce(scenario);
    expand.push(run.expandMs);
    suggest.push(run.suggestMs);
    explain.push(run.explainMs);
    total.push(run.expandMs + run.suggestMs + run.explainMs);
    suggestions = run.suggestions;
  }
  console.log(`${scenario.name}`);
  console.log(`  ${"phase".padEnd(28)}${"median".padStart(11)}${"p95".padStart(11)}${"max".padStart(11)}`);
  for (const [phase, samples] of [
    [`expandAvailability ×${scenario.interviewers.length + 1}`, expand],
    ["suggestLoopSlots", suggest],
    ["explainNoFit", explain],
    ["total", total],
  ] as const) {
    const { median, p95, max } = summarize(samples);
    console.log(`  ${phase.padEnd(28)}${formatMs(median)}${formatMs(p95)}${formatMs(max)}`);
  }
  console.log(`  suggestions returned: ${suggestions.length}`);
  for (const s of suggestions) console.log(`    ${describeLoop(s)}`);
  const median = summarize(total).median;
  const pass = median < TARGET_MS;
  failed ||= !pass;
  console.log(`  ${pass ? "PASS" : "FAIL"}: median total ${median.toFixed(2)} ms vs target ${TARGET_MS} ms\n`);
}
process.exitCode = failed ? 1 : 0;
