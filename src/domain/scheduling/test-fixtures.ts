// Shared inputs for the scheduling tests: intervals written as ISO strings, and a one-round loop on
// Monday 16 March 2026 (ISO week 2026-W12) with everyone in UTC, which each test varies.
import type { WeeklyWindow } from "./availability";
import type { Interval } from "./intervals";
import type { InterviewerSlotInput, SlotSuggestion, SuggestLoopSlotsInput } from "./suggestion";

export const iv = (start: string, end: string): Interval => ({ start: new Date(start), end: new Date(end) });
export const show = (intervals: Interval[]): [string, string][] =>
  intervals.map((i) => [i.start.toISOString().replace(".000", ""), i.end.toISOString().replace(".000", "")]);
export const measureHours = (i: Interval): number => (i.end.getTime() - i.start.getTime()) / 3_600_000;
export const buildWeekdays = (start: string, end: string): WeeklyWindow[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));

export const MONDAY = "2026-03-16";

export const person = (id: string, extra: Partial<InterviewerSlotInput> = {}): InterviewerSlotInput => ({
  id,
  timeZone: "UTC",
  available: [iv(`${MONDAY}T08:00Z`, `${MONDAY}T18:00Z`)],
  busy: [],
  weeklyCap: null,
  bookedByWeek: {},
  ...extra,
});
export const base = (extra: Partial<SuggestLoopSlotsInput>): SuggestLoopSlotsInput => ({
  rounds: [{ key: "coding", durationMin: 60, pool: ["x"] }],
  candidate: { available: [iv(`${MONDAY}T09:00Z`, `${MONDAY}T17:00Z`)], busy: [] },
  interviewers: [person("x")],
  range: iv(`${MONDAY}T00:00Z`, "2026-03-30T00:00Z"),
  now: new Date(`${MONDAY}T08:00Z`),
  breakMin: 15,
  ...extra,
});
export const describePlan = (s: SlotSuggestion | undefined) =>
  s?.rounds.map(
    (r) => `${r.key} ${r.start.toISOString().slice(11, 16)}-${r.end.toISOString().slice(11, 16)} ${r.interviewerId}`,
  );
