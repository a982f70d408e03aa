// Agreement between interviewers: Krippendorff's alpha per signal key (or group) on the raw ratings, with a
// bootstrap interval.

import { krippendorffAlpha, krippendorffAlphaInterval, type AlphaLevel } from "./krippendorff";
import { compareText, type Rating } from "./ratings";

export interface AgreementOptions {
  level?: AlphaLevel;
  /** Agreement per signal key (default) or per group. */
  by?: "key" | "group";
  /** Bootstrap replicates for the interval (default 1000; 0 = no interval). */
  bootstrap?: number;
  seed?: number;
}

export interface AgreementEstimate {
  key: string;
  /** Krippendorff's alpha; null when undefined (nobody rated the same candidate twice, or no variation). */
  alpha: number | null;
  /** 95% bootstrap percentile interval, resampling candidates; null when alpha or the bootstrap is undefined. */
  interval: [number, number] | null;
  /** Candidates rated at least twice on this key: the units alpha is computed from. */
  units: number;
  /** Ratings that entered alpha: those in units rated at least twice. */
  pairableValues: number;
}

export const DEFAULT_BOOTSTRAP = 1000;

/**
 * Krippendorff's alpha per signal key (or per group): each candidate is a unit and each rating of it one
 * value, with a seeded bootstrap interval that resamples candidates. Measured on raw ratings, because
 * agreement is about what interviewers wrote, before any correction.
 */
export function measureAgreement(ratings: Rating[], options: AgreementOptions = {}): AgreementEstimate[] {
  const level = options.level ?? "ordinal";
  const by = options.by ?? "key";
  const replicates = options.bootstrap ?? DEFAULT_BOOTSTRAP;
  const seed = options.seed ?? 1;
  const unitsByKey = new Map<string, Map<string, number[]>>();
  for (const rating of ratings) {
    const key = by === "group" ? rating.group : rating.key;
    if (key === undefined) continue;
    let units = unitsByKey.get(key);
    if (!units) unitsByKey.set(key, (units = new Map()));
    const values = units.get(rating.candidateId);
    if (values) values.push(rating.value);
    else units.set(rating.candidateId, [rating.value]);
  }
  return [...unitsByKey.keys()].sort(compareText).map((key) => {
    // Units in candidate order, so the bootstrap draws the same units for the same input however it was ordered.
    const byCandidate = unitsByKey.get(key) ?? new Map<string, number[]>();
    const units = [...byCandidate.keys()]
      .sort(compareText)
      .map((candidate) => byCandidate.get(candidate) ?? [])
      .filter((values) => values.length >= 2);
    const alpha = krippendorffAlpha(units, level);
    return {
      key,
      alpha,
      interval:
        alpha === null || replicates <= 0 ? null : krippendorffAlphaInterval(units, level, { replicates, seed }),
      units: units.length,
      pairableValues: units.reduce((sum, values) => sum + values.length, 0),
    };
  });
}
