// Scorecard rules that do not depend on storage: what a submission needs, and where a panel disagrees.

export type RatingValue = 1 | 2 | 3 | 4 | "not_observed" | null;
export interface SignalAnswer {
  rating: RatingValue;
  evidence: string;
}
import type { Recommendation } from "./vocabulary";

export type { Recommendation };

/** One thing a submission still needs, with the field it belongs to (so a form can link to it). */
export interface MissingField {
  field: "rating" | "evidence" | "recommendation" | "summary";
  /** Signal key, for ratings and evidence. */
  key?: string;
  title: string;
}

/** Everything still missing before a scorecard can be submitted, field by field, in form order. */
export function missingFields(
  signals: { key: string; title: string }[],
  card: { ratings: Record<string, SignalAnswer | undefined>; recommendation: Recommendation | null; summary: string },
): MissingField[] {
  const missing: MissingField[] = [];
  for (const s of signals) {
    const answer = card.ratings[s.key];
    if (answer?.rating === null || answer?.rating === undefined)
      missing.push({ field: "rating", key: s.key, title: s.title });
    else if (typeof answer.rating === "number" && !answer.evidence.trim())
      missing.push({ field: "evidence", key: s.key, title: s.title });
  }
  if (!card.recommendation) missing.push({ field: "recommendation", title: "Overall recommendation" });
  if (!card.summary.trim()) missing.push({ field: "summary", title: "Summary" });
  return missing;
}

/** What is still missing before a scorecard can be submitted, in words for the interviewer. */
export function missingForSubmit(
  signals: { key: string; title: string }[],
  card: { ratings: Record<string, SignalAnswer | undefined>; recommendation: Recommendation | null; summary: string },
): string[] {
  const fields = missingFields(signals, card);
  const titles = (field: MissingField["field"]) => fields.filter((f) => f.field === field).map((f) => f.title);
  const missing: string[] = [];
  if (titles("rating").length) missing.push(`Rate or mark "not observed": ${titles("rating").join(", ")}`);
  if (titles("evidence").length) missing.push(`Add evidence for: ${titles("evidence").join(", ")}`);
  if (titles("recommendation").length) missing.push("Choose an overall recommendation");
  if (titles("summary").length) missing.push("Write a summary");
  return missing;
}

export interface PanelRating {
  signalKey: string;
  raterId: string;
  rating: number;
}

/** Signals whose ratings differ by 2 or more points across the panel. */
export function findSignalDisagreements(ratings: PanelRating[]): { signalKey: string; min: number; max: number }[] {
  const bySignal = new Map<string, number[]>();
  for (const r of ratings) bySignal.set(r.signalKey, [...(bySignal.get(r.signalKey) ?? []), r.rating]);
  return [...bySignal]
    .map(([signalKey, values]) => ({ signalKey, min: Math.min(...values), max: Math.max(...values) }))
    .filter((d) => d.max - d.min >= 2);
}

/** A split panel: at least one hire-side and one no-hire-side recommendation. */
export function isSplitRecommendation(recommendations: Recommendation[]): boolean {
  const yes = recommendations.some((r) => r === "yes" || r === "strong_yes");
  const no = recommendations.some((r) => r === "no" || r === "strong_no");
  return yes && no;
}
