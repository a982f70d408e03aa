// The analytics page's rules: which period a preset means, and how the sums PostgreSQL returns become the
// figures shown (rates, the pass-through funnel, change between loops with its interval, agreement per month,
// load against caps). The service aggregates in SQL; everything here works on those few aggregate rows. Pure.

import { krippendorffAlphaFromCoincidences, type Coincidence } from "./calibration/krippendorff";
import { LOOP_STATUSES, type LoopStatus } from "./loop-status";
import { DECISION_LABEL, DECISIONS, LOOP_STATUS_LABEL, type Decision } from "./vocabulary";

export const PERIOD_PRESETS = ["30d", "90d", "180d", "365d", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const PERIOD_LABEL: Record<PeriodPreset, string> = {
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "180d": "Last 180 days",
  "365d": "Last 365 days",
  custom: "Custom dates",
};
export const DEFAULT_PERIOD: PeriodPreset = "90d";
/** A custom period spans at most this many days (two years), so weekly and monthly rows stay few. */
export const MAX_PERIOD_DAYS = 731;

const DAY_MS = 86_400_000;
const DAY_FORMAT = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of `at` in `zone`. */
export function dayInZone(at: Date, zone: string): string {
  let format = DAY_FORMAT.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    DAY_FORMAT.set(zone, format);
  }
  return format.format(at);
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS) + 1;
}

export interface Period {
  preset: PeriodPreset;
  /** First day, in the workspace's zone. */
  from: string;
  /** Last day (included), in the workspace's zone. */
  to: string;
}

/** The days a period covers: a preset ends today (in the workspace's zone); a custom one is as given. */
export function resolvePeriod(input: { period?: PeriodPreset; from?: string; to?: string }, today: string): Period {
  const preset = input.period ?? DEFAULT_PERIOD;
  if (preset === "custom" && input.from && input.to) return { preset, from: input.from, to: input.to };
  const fixed = preset === "custom" ? DEFAULT_PERIOD : preset;
  return { preset: fixed, from: addDays(today, 1 - Number.parseInt(fixed, 10)), to: today };
}

/** Why a custom period is refused, or null. */
export function customPeriodError(from: string | undefined, to: string | undefined): string | null {
  if (!from || !to) return "Choose both the first and the last day of the period.";
  if (from > to) return "The first day must not be after the last day.";
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) return `A period can span at most ${MAX_PERIOD_DAYS} days.`;
  return null;
}

/** A share as a fraction, null when there is nothing to divide. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

// ---- Loops by status and by debrief outcome ----

export const NO_DECISION_LABEL = "No decision yet";

export function statusRows(counts: { status: string; loops: number }[]) {
  const of = new Map(counts.map((c) => [c.status, c.loops]));
  return LOOP_STATUSES.map((status: LoopStatus) => ({
    status,
    label: LOOP_STATUS_LABEL[status],
    loops: of.get(status) ?? 0,
  }));
}

export function outcomeRows(counts: { decision: string | null; loops: number }[]) {
  const of = new Map(counts.map((c) => [c.decision, c.loops]));
  return [
    ...DECISIONS.map((decision: Decision) => ({
      decision,
      label: DECISION_LABEL[decision],
      loops: of.get(decision) ?? 0,
    })),
    { decision: null, label: NO_DECISION_LABEL, loops: of.get(null) ?? 0 },
  ];
}

// ---- Pass-through by stage ----

export const STAGES = ["created", "scheduled", "scorecards_in", "debriefed", "released"] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABEL: Record<Stage, string> = {
  created: "Created",
  scheduled: "Scheduled",
  scorecards_in: "All scorecards in",
  debriefed: "Debriefed",
  released: "Report released",
};

/** Each stage's loops, its share of the loops created and of the stage before. */
export function passThrough(counts: Record<Stage, number>) {
  return STAGES.map((stage, i) => ({
    stage,
    label: STAGE_LABEL[stage],
    loops: counts[stage],
    ofCreated: share(counts[stage], counts.created),
    ofPrevious: i === 0 ? null : share(counts[stage], counts[STAGES[i - 1]!]),
  }));
}

// ---- Candidate improvement between consecutive loops ----

export interface ChangeSums {
  /** Pairs of consecutive loops of one candidate, both calibrated on the dimension. */
  pairs: number;
  mean: number;
  /** Sample standard deviation of the changes (null with one pair). */
  sd: number | null;
  /** √(se₁² + se₂²) of the single pair (used only when there is one pair; null when the fit gave none). */
  pairSe: number | null;
}

/**
 * The average change with a ±2 standard error interval (as the calibrated scores themselves are shown).
 * With two or more pairs the standard error is the spread of the changes over √pairs, which includes each
 * score's own uncertainty; with one pair it is that pair's standard error from the fit.
 */
export function changeInterval(sums: ChangeSums) {
  const se =
    sums.pairs >= 2 && sums.sd !== null ? sums.sd / Math.sqrt(sums.pairs) : sums.pairs === 1 ? sums.pairSe : null;
  return {
    pairs: sums.pairs,
    mean: sums.mean,
    standardError: se,
    low: se === null ? null : sums.mean - 2 * se,
    high: se === null ? null : sums.mean + 2 * se,
  };
}

// ---- Agreement per month ----

/** Ordinal Krippendorff's alpha of each month from the coincidences PostgreSQL added up, in month order. */
export function agreementByMonth(
  cells: (Coincidence & { month: string })[],
  units: { month: string; units: number }[],
) {
  const byMonth = new Map<string, Coincidence[]>();
  for (const cell of cells) byMonth.set(cell.month, [...(byMonth.get(cell.month) ?? []), cell]);
  const months = [...new Set([...byMonth.keys(), ...units.map((u) => u.month)])].sort();
  const unitsOf = new Map(units.map((u) => [u.month, u.units]));
  return {
    months: months.map((month) => ({
      month,
      alpha: krippendorffAlphaFromCoincidences(byMonth.get(month) ?? [], "ordinal"),
      units: unitsOf.get(month) ?? 0,
    })),
    overall: krippendorffAlphaFromCoincidences(cells, "ordinal"),
    units: units.reduce((sum, u) => sum + u.units, 0),
  };
}

// ---- Interviewer load against caps ----

/** One interviewer's weeks in the period: rounds per week against their weekly cap. */
export function loadSummary(weeks: { rounds: number }[], cap: number | null, weeksInPeriod: number) {
  const total = weeks.reduce((sum, w) => sum + w.rounds, 0);
  return {
    rounds: total,
    busiestWeek: Math.max(0, ...weeks.map((w) => w.rounds)),
    perWeek: weeksInPeriod > 0 ? total / weeksInPeriod : 0,
    weeksAtCap: cap === null ? null : weeks.filter((w) => w.rounds >= cap).length,
    weeksOverCap: cap === null ? null : weeks.filter((w) => w.rounds > cap).length,
  };
}

/** Weeks (Monday to Sunday) that a period touches. */
export function weeksTouched(from: string, to: string): number {
  const monday = (day: string) => addDays(day, -((new Date(`${day}T00:00:00.000Z`).getUTCDay() + 6) % 7));
  return Math.round((daysBetween(monday(from), monday(to)) - 1) / 7) + 1;
}
