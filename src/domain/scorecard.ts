// Scorecard rules that do not depend on storage: what a submission needs, and where a panel disagrees.

export type RatingValue = 1 | 2 | 3 | 4 | "not_observed" | null;
export interface SignalAnswer {
  rating: RatingValue;
  evidence: string;
}
export type Recommendation = "strong_no" | "no" | "yes" | "strong_yes";

/** What is still missing before a scorecard can be submitted, in words for the interviewer. */
export function missingForSubmit(
  signals: { key: string; title: string }[],
  card: { ratings: Record<string, SignalAnswer | undefined>; recommendation: Recommendation | null; summary: string },
): string[] {
  const missing: string[] = [];
  const unanswered = signals.filter((s) => {
    const r = card.ratings[s.key]?.rating;
    return r === null || r === undefined;
  });
  if (unanswered.length) missing.push(`Rate or mark "not observed": ${unanswered.map((s) => s.title).join(", ")}`);
  const noEvidence = signals.filter((s) => typeof card.ratings[s.key]?.rating === "number" && !card.ratings[s.key]?.evidence.trim());
  if (noEvidence.length) missing.push(`Add evidence for: ${noEvidence.map((s) => s.title).join(", ")}`);
  if (!card.recommendation) missing.push("Choose an overall recommendation");
  if (!card.summary.trim()) missing.push("Write a summary");
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
