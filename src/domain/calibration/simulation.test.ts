import { beforeAll, describe, expect, it } from "vitest";
import { type DesignSummary, DESIGNS, formatSummary, SIMULATION_SEEDS, summarizeDesign } from "./simulation";

// The simulation suite of calibration v2 against the previous engine (v1/, run on the same
// cohorts, so the comparison is measured, not remembered). 20 fixed seeds per design; the designs, the
// truth the estimates are compared with and the metrics are in simulation.ts. Slow (a minute
// or two on one core), so everything is computed once and the assertions only read the table.

const summaries = new Map<string, DesignSummary>();

beforeAll(() => {
  for (const design of DESIGNS) summaries.set(design.id, summarizeDesign(design, SIMULATION_SEEDS));
  console.table(DESIGNS.map((design) => formatSummary(summaries.get(design.id) as DesignSummary)));
}, 900_000);

const summaryOf = (id: string): DesignSummary => {
  const summary = summaries.get(id);
  if (!summary) throw new Error(`no summary for design ${id}`);
  return summary;
};

/** The designs at the enlarged cohort size: coverage on 800 severities and 3,000 scores each. */
const ASSERTED = ["a", "b", "c", "d", "e", "f"];

describe("calibrate v2 on simulated cohorts (20 seeds per design)", () => {
  it.each(ASSERTED)("design %s: ±1.96 SE intervals cover 92–97% of severities", (id) => {
    expect(summaryOf(id).severityCoverage).toBeGreaterThanOrEqual(0.92);
    expect(summaryOf(id).severityCoverage).toBeLessThanOrEqual(0.97);
  });

  it.each(ASSERTED)("design %s: ±1.96 SE intervals cover 92–97% of candidates' overall scores", (id) => {
    expect(summaryOf(id).candidateCoverage).toBeGreaterThanOrEqual(0.92);
    expect(summaryOf(id).candidateCoverage).toBeLessThanOrEqual(0.97);
  });

  it.each(DESIGNS.map((design) => design.id))("design %s: severity RMSE no worse than v1's", (id) => {
    expect(summaryOf(id).rmseV2).toBeLessThanOrEqual(summaryOf(id).rmseV1);
  });

  it("gain design: severity RMSE at least 10% better than v1's", () => {
    expect(summaryOf("b").rmseV2).toBeLessThanOrEqual(0.9 * summaryOf("b").rmseV1);
  });

  it.each(DESIGNS.map((design) => design.id))("design %s: ranks candidates better than raw means on average", (id) => {
    expect(summaryOf(id).rhoCalibrated).toBeGreaterThan(summaryOf(id).rhoRaw);
  });

  it("reduces the floor/ceiling compression of severities (v1's slope was 0.88 on the issue design)", () => {
    expect(summaryOf("a-small").slope).toBeGreaterThan(0.9);
    expect(summaryOf("a").slope).toBeGreaterThan(0.95);
  });
});
