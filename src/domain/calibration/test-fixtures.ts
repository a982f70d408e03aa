// Shared helpers of the calibration tests: a rating in one call, lookups that fail loudly, simulated designs
// by id, and a correlation.
import type { CalibrationResult } from "./calibrate";
import type { Rating } from "./ratings";
import { DESIGNS } from "./simulation";

export const rate = (
  candidateId: string,
  interviewerId: string,
  value: number,
  key = "k",
  extra: Partial<Rating> = {},
): Rating => ({
  candidateId,
  interviewerId,
  key,
  value,
  ...extra,
});
export const findInterviewer = (result: CalibrationResult, id: string) => {
  const estimate = result.interviewers.find((i) => i.interviewerId === id);
  if (!estimate) throw new Error(`no estimate for ${id}`);
  return estimate;
};
export const findScore = (
  result: CalibrationResult,
  candidateId: string,
  kind: "key" | "group" | "overall",
  key: string | null = null,
) => {
  const score = result.candidates.find((s) => s.candidateId === candidateId && s.kind === kind && s.key === key);
  if (!score) throw new Error(`no ${kind} score for ${candidateId}/${key}`);
  return score;
};
export const design = (id: string) => {
  const found = DESIGNS.find((d) => d.id === id);
  if (!found) throw new Error(`no design ${id}`);
  return found;
};
export const average = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
export function correlation(a: number[], b: number[]): number {
  const ma = average(a);
  const mb = average(b);
  const cov = average(a.map((x, i) => (x - ma) * ((b[i] ?? 0) - mb)));
  return cov / Math.sqrt(average(a.map((x) => (x - ma) ** 2)) * average(b.map((x) => (x - mb) ** 2)));
}
