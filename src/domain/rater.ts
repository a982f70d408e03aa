// "How I rate": an interviewer's own calibration numbers in plain words, and how their rating changed
// between two periods. Pure: numbers in, sentences and period statistics out.
import { calibrate } from "./calibration/calibrate";
import type { Rating } from "./calibration/ratings";

/** An interviewer's severity and gain fitted on one dimension's ratings (relative to the panel on it). */
export interface DimensionEstimate {
  dimensionKey: string;
  severity: number | null;
  standardError: number | null;
  gain: number | null;
  gainStandardError: number | null;
  ratings: number;
  notCalibratedReason: string | null;
}

/** The range the data support: estimate ± 2 standard errors (docs/calibration.md). */
export function interval(value: number | null, se: number | null): [number, number] | null {
  if (value === null || se === null) return null;
  return [value - 2 * se, value + 2 * se];
}

const pts = (x: number) => `${Math.abs(x).toFixed(2)} points`;

export function explainSeverity(severity: number | null, se: number | null): string {
  if (severity === null) return "Not measured yet: your candidates need to be rated by other interviewers too.";
  const range = interval(severity, se);
  const sure = range !== null && (range[0] > 0 || range[1] < 0);
  const way = severity >= 0 ? "higher (more generous)" : "lower (stricter)";
  const head = `You rate about ${pts(severity)} ${way} than the panel does for the same candidates`;
  if (!range) return `${head}.`;
  const span = `likely between ${range[0].toFixed(2)} and ${range[1].toFixed(2)}`;
  return sure
    ? `${head} (${span}).`
    : `${head}, but the range the data allow (${span}) includes 0: this is not clearly different from the panel.`;
}

export function explainGain(gain: number | null, se: number | null): string {
  if (gain === null) return "Not measured yet.";
  const range = interval(gain, se);
  const sure = range !== null && (range[0] > 1 || range[1] < 1);
  const pct = Math.round(Math.abs(gain - 1) * 100);
  const head =
    pct === 0
      ? "You spread candidates apart like the panel does"
      : gain > 1
        ? `You spread candidates about ${pct}% further apart than the panel (you use the ends of the scale more)`
        : `You keep candidates about ${pct}% closer together than the panel (you stay nearer the middle)`;
  if (!range) return `${head}.`;
  return sure
    ? `${head}; likely between ${range[0].toFixed(2)} and ${range[1].toFixed(2)}, where 1 is the panel.`
    : `${head}, but the range (${range[0].toFixed(2)} to ${range[1].toFixed(2)}) includes 1, the panel's own spread.`;
}

export function explainAgreement(panelGap: number | null): string {
  if (panelGap === null) return "No co-panelist has rated the same candidate and signal as you yet.";
  const tone = panelGap < 0.5 ? "close to" : panelGap < 1 ? "somewhat apart from" : "far from";
  return `On the same candidate and signal, your rating is on average ${pts(panelGap)} from your co-panelists' average: ${tone} them.`;
}

export function explainTimeToSubmit(hours: number | null): string {
  if (hours === null) return "No submitted scorecard with a round end time yet.";
  const text = hours < 1 ? `${Math.round(hours * 60)} minutes` : `${hours.toFixed(1)} hours`;
  const note = hours <= 24 ? "within the 24 hours after which a scorecard counts as overdue" : "past the 24-hour mark";
  return `Half of your scorecards are submitted within ${text} of the round's end: ${note}.`;
}

/** One submitted scorecard of the interviewer, with co-panelists' ratings of the same loop. */
export interface PeriodCard {
  loopId: string;
  submittedAt: Date;
  roundEndsAt: Date | null;
  ratings: Record<string, number>;
}

export interface PeriodStats {
  from: Date;
  to: Date;
  scorecards: number;
  /** Mean of (mine − co-panelists' mean) per scorecard: + is more generous than the co-panelists. */
  signedGap: number | null;
  /** Standard error of signedGap, from the spread of per-scorecard gaps (a scorecard counts once). */
  signedGapSe: number | null;
  /** Mean absolute distance from the co-panelists' mean on the same loop and signal. */
  absoluteGap: number | null;
  medianHoursToSubmit: number | null;
}

export interface RatingChange {
  periods: [PeriodStats, PeriodStats];
  /** Recent minus earlier signed gap, with its standard error; null when a period has no comparable card. */
  change: number | null;
  changeSe: number | null;
  summary: string;
}

const DAY_MS = 86_400_000;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function periodStats(
  from: Date,
  to: Date,
  mine: PeriodCard[],
  others: { loopId: string; ratings: Record<string, number> }[],
): PeriodStats {
  const cards = mine.filter((c) => c.submittedAt >= from && c.submittedAt < to);
  const othersBy = new Map<string, Record<string, number>[]>();
  for (const o of others) othersBy.set(o.loopId, [...(othersBy.get(o.loopId) ?? []), o.ratings]);
  const perCard: number[] = [];
  const absolute: number[] = [];
  for (const card of cards) {
    const gaps: number[] = [];
    for (const [key, value] of Object.entries(card.ratings)) {
      const theirs = (othersBy.get(card.loopId) ?? []).flatMap((r) => (r[key] === undefined ? [] : [r[key]]));
      if (theirs.length === 0) continue;
      gaps.push(value - mean(theirs));
    }
    if (gaps.length === 0) continue;
    perCard.push(mean(gaps));
    absolute.push(...gaps.map(Math.abs));
  }
  const hours = cards.flatMap((c) =>
    c.roundEndsAt ? [Math.max(0, (c.submittedAt.getTime() - c.roundEndsAt.getTime()) / 3_600_000)] : [],
  );
  const signedGap = perCard.length ? mean(perCard) : null;
  const sd =
    perCard.length > 1
      ? Math.sqrt(perCard.reduce((a, x) => a + (x - signedGap!) ** 2, 0) / (perCard.length - 1))
      : null;
  return {
    from,
    to,
    scorecards: cards.length,
    signedGap,
    signedGapSe: sd === null ? null : sd / Math.sqrt(perCard.length),
    absoluteGap: absolute.length ? mean(absolute) : null,
    medianHoursToSubmit: hours.length ? median(hours) : null,
  };
}

/**
 * How the interviewer's rating changed: the last `days` days against the `days` before them, each measured
 * against the co-panelists of the same loops. Two periods that share no scorecard are compared (the
 * calibration fit covers a rolling year, so consecutive fits overlap by most of their data and would hide
 * a change).
 */
export function compareRatingPeriods(
  mine: PeriodCard[],
  others: { loopId: string; ratings: Record<string, number> }[],
  now: Date,
  days = 90,
): RatingChange {
  const end = new Date(now.getTime() + 1);
  const mid = new Date(end.getTime() - days * DAY_MS);
  const start = new Date(mid.getTime() - days * DAY_MS);
  const earlier = periodStats(start, mid, mine, others);
  const recent = periodStats(mid, end, mine, others);
  if (earlier.signedGap === null || recent.signedGap === null)
    return {
      periods: [earlier, recent],
      change: null,
      changeSe: null,
      summary: `Not enough to compare yet: each ${days}-day period needs a scorecard on a loop that someone else also rated.`,
    };
  const change = recent.signedGap - earlier.signedGap;
  const changeSe =
    earlier.signedGapSe !== null && recent.signedGapSe !== null
      ? Math.sqrt(earlier.signedGapSe ** 2 + recent.signedGapSe ** 2)
      : null;
  const direction = change > 0 ? "more generous" : "stricter";
  const summary =
    changeSe === null
      ? `Compared with your co-panelists you rated ${pts(change)} ${direction} in the last ${days} days than in the ${days} days before; too few scorecards to say whether that is more than chance.`
      : Math.abs(change) > 2 * changeSe
        ? `Compared with your co-panelists you rated ${pts(change)} ${direction} in the last ${days} days than in the ${days} days before, more than chance explains (±${(2 * changeSe).toFixed(2)}).`
        : `No clear change: ${pts(change)} ${direction} in the last ${days} days than in the ${days} days before, within what chance explains (±${(2 * changeSe).toFixed(2)}).`;
  return { periods: [earlier, recent], change, changeSe, summary };
}

/**
 * Each interviewer's severity and gain per dimension: the model fitted on one dimension's ratings at a
 * time, so a severity is relative to the panel on that dimension. By interviewer id.
 */
export function estimateByDimension(ratings: Rating[]): Map<string, DimensionEstimate[]> {
  const groups = new Map<string, Rating[]>();
  for (const r of ratings) {
    const key = r.group ?? "other";
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const out = new Map<string, DimensionEstimate[]>();
  for (const [dimensionKey, rs] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const e of calibrate(rs).interviewers) {
      const list = out.get(e.interviewerId) ?? [];
      list.push({
        dimensionKey,
        severity: e.severity,
        standardError: e.standardError,
        gain: e.gain,
        gainStandardError: e.gainStandardError,
        ratings: e.ratings,
        notCalibratedReason: e.notCalibratedReason,
      });
      out.set(e.interviewerId, list);
    }
  }
  return out;
}
