import { describe, expect, it } from "vitest";
import { IntervalMoments, truncatedMoments } from "./latent";

// The fit reads the moments of the rating intervals from a table built per noise SD; it must agree with
// the direct formulas (truncatedMoments) everywhere a rating's prediction can be, to within their own
// accuracy (~1e-7: where an interval end crosses 0 they switch formulas and jump by up to ~5e-8).
describe("IntervalMoments", () => {
  const direct = new Float64Array(2);
  const tabled = new Float64Array(2);
  const intervals: [number, number][] = [
    [-Infinity, 1.5],
    [1.5, 2.5],
    [2.5, 3.5],
    [3.5, Infinity],
  ];

  it.each([0.05, 0.3, 0.5, 1.5])("agrees with truncatedMoments for σ = %s", (sigma) => {
    const table = new IntervalMoments();
    table.prepare(sigma, 1e9);
    let worst = 0;
    for (const [low, high] of intervals) {
      for (let eta = -6; eta <= 11; eta += 0.00731) {
        truncatedMoments((low - eta) / sigma, (high - eta) / sigma, direct);
        table.evaluate(low, high, eta, tabled);
        worst = Math.max(
          worst,
          Math.abs(tabled[0]! - direct[0]!) / (1 + Math.abs(direct[0]!)),
          Math.abs(tabled[1]! - direct[1]!) / (1 + Math.abs(direct[1]!)),
        );
      }
    }
    expect(worst).toBeLessThan(1e-7);
  });

  it.each([100, 1e9])("gives κ alone exactly as evaluate does (%s evaluations: direct or tabled)", (evaluations) => {
    const table = new IntervalMoments();
    table.prepare(0.5, evaluations);
    for (const [low, high] of intervals) {
      for (let eta = -6; eta <= 11; eta += 0.0173) {
        table.evaluate(low, high, eta, tabled);
        table.query.set([low, high, eta]);
        direct.fill(Number.NaN);
        table.readKappa(direct);
        expect(direct[1]).toBe(tabled[1]);
      }
    }
  });

  it("computes directly when too few evaluations would pay for a table", () => {
    const table = new IntervalMoments();
    table.prepare(0.5, 100);
    table.evaluate(1.5, 2.5, 2.1, tabled);
    truncatedMoments((1.5 - 2.1) / 0.5, (2.5 - 2.1) / 0.5, direct);
    expect(Array.from(tabled)).toEqual(Array.from(direct));
  });

  it("gives the third moment term that the table's slopes use", () => {
    // (a, b) = (0.3, 1.7): (a² φ(a) − b² φ(b)) / Z checked against a numerical integral.
    const out = new Float64Array(3);
    truncatedMoments(0.3, 1.7, out);
    const density = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    let z = 0;
    let third = 0;
    const steps = 20_000;
    for (let k = 0; k < steps; k++) {
      const x = 0.3 + ((k + 0.5) * 1.4) / steps;
      z += density(x) * (1.4 / steps);
      third += x ** 3 * density(x) * (1.4 / steps);
    }
    // E[X³] = 2λ + out[2].
    expect(third / z).toBeCloseTo(2 * out[0]! + out[2]!, 6);
  });
});
