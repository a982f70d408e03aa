// Starting values of the calibration fit, from the raw ratings, so the iterations only refine.

import * as numerics from "./numerics";
import { MIDDLE, MIN_NOISE_SD, ModelState } from "./state";

// A module-local copy of an imported function used in hot loops (see local-system.ts).
const { midpoint } = numerics;

export abstract class StartingValues extends ModelState {
  /**
   * Starting values from the raw ratings, so the iterations only refine: a_c = candidate mean − 2.5, and
   * moment estimates of the noise and the halo from residuals around the cell means. A rating's residual
   * varies around its scorecard's mean residual by noise only; the scorecard's mean residual, net of its
   * interviewer's average, varies by halo plus the noise of a mean.
   */
  protected initialise(): void {
    // The loops over the ratings are functions of their own over typed arrays: run once per fit, a long loop
    // inside this method is compiled on-stack and deoptimised after it, leaving the rest to the interpreter
    // (about 48 MB of boxed numbers per cohort fit of 240,000 ratings).
    const n = this.ratings;
    const mid = new Float64Array(n);
    midpoints(this.rLow, this.rHigh, mid);
    const pair = new Float64Array(2);
    candidateMeans(this.ratingStart, this.rWeight, mid, this.a, pair);
    const grand = pair[0]!;
    const total = pair[1]!;
    this.mu = grand / total - MIDDLE;
    let spread = 0;
    for (let fc = 0; fc < this.candidates; fc++) spread += (this.a[fc]! - this.mu) ** 2;
    this.varA = Math.max(0.05, spread / Math.max(1, this.candidates));

    const cellSum = new Float64Array(this.d.length);
    const cellCount = new Float64Array(this.d.length);
    cellSums(this.rCell, mid, cellSum, cellCount);
    const residual = new Float64Array(n);
    const cardSum = new Float64Array(this.u.length);
    const cardCount = new Float64Array(this.u.length);
    cardResiduals(this.rCell, this.rCard, mid, cellSum, cellCount, residual, cardSum, cardCount);
    withinSums(this.rCell, this.rCard, residual, cellCount, cardSum, cardCount, pair);
    const within = pair[0]!;
    const withinFreedom = pair[1]!;
    // Rounding to whole points adds about 1/12 to the variance of the recorded ratings.
    const observedNoise = withinFreedom > 0 ? within / withinFreedom : 0.36;
    this.noise = Math.max(MIN_NOISE_SD ** 2, observedNoise - 1 / 12);
    // Halo: card mean residuals ē_q ≈ s_j − (mean s of the candidate's panel) + u_q − ū_c + noise. A few
    // additive sweeps estimate the severities, and what is left of ē_q is halo plus the noise of a mean.
    const P = this.panelSize;
    const cardInterviewer = new Int32Array(this.u.length).fill(-1);
    const cardCandidate = new Int32Array(this.u.length);
    for (let fc = 0; fc < this.candidates; fc++) {
      for (let i = this.ratingStart[fc]!; i < this.ratingStart[fc + 1]!; i++) {
        cardInterviewer[this.rCard[i]!] = this.rPos[i]!;
        cardCandidate[this.rCard[i]!] = fc;
      }
    }
    const severity = new Float64Array(P);
    const panelMean = new Float64Array(this.candidates);
    const panelCount = new Float64Array(this.candidates);
    const sums = new Float64Array(P);
    const counts = new Float64Array(P);
    for (let sweep = 0; sweep < 4; sweep++) {
      panelMean.fill(0);
      panelCount.fill(0);
      for (let q = 0; q < this.u.length; q++) {
        if (cardCount[q]! < 1) continue;
        panelMean[cardCandidate[q]!]! += severity[cardInterviewer[q]!]!;
        panelCount[cardCandidate[q]!]!++;
      }
      sums.fill(0);
      counts.fill(0);
      for (let q = 0; q < this.u.length; q++) {
        if (cardCount[q]! < 1) continue;
        const fc = cardCandidate[q]!;
        sums[cardInterviewer[q]!]! += cardSum[q]! / cardCount[q]! + panelMean[fc]! / panelCount[fc]!;
        counts[cardInterviewer[q]!]!++;
      }
      for (let p = 0; p < P; p++) severity[p] = counts[p]! > 0 ? sums[p]! / counts[p]! : 0;
    }
    let between = 0;
    let betweenCount = 0;
    let noiseShare = 0;
    for (let q = 0; q < this.u.length; q++) {
      const fc = cardCandidate[q]!;
      const p = cardInterviewer[q]!;
      if (cardCount[q]! < 2 || counts[p]! < 2 || panelCount[fc]! < 2) continue;
      const deviation = cardSum[q]! / cardCount[q]! - (severity[p]! - panelMean[fc]! / panelCount[fc]!);
      // The card's own deviation is shared with its candidate's panel mean and its interviewer's average.
      const kept = (1 - 1 / panelCount[fc]!) * (1 - 1 / counts[p]!);
      between += (deviation * deviation) / kept;
      noiseShare += observedNoise / cardCount[q]!;
      betweenCount++;
    }
    if (this.activeCards > 0 && betweenCount > 0)
      this.varU = Math.max(0.05 ** 2, (between - noiseShare) / betweenCount);
    this.clampVariances();
    // The same sweeps give starting severities (centred) and severity-corrected candidate levels, which
    // spares the first Newton steps most of their distance.
    let meanSeverity = 0;
    for (let p = 0; p < P; p++) meanSeverity += severity[p]! / P;
    for (let p = 0; p < P; p++) this.x[p] = severity[p]! - meanSeverity;
    for (let fc = 0; fc < this.candidates; fc++) {
      if (panelCount[fc]! > 0) this.a[fc]! -= panelMean[fc]! / panelCount[fc]! - meanSeverity;
    }
  }
}

function midpoints(low: Float64Array, high: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = midpoint(low[i]!, high[i]!);
}

/** a_c = the candidate's weighted mean − 2.5; out = [Σ w · midpoint, Σ w] over all ratings. */
function candidateMeans(
  ratingStart: Int32Array,
  weight: Float64Array,
  mid: Float64Array,
  a: Float64Array,
  out: Float64Array,
): void {
  let grand = 0;
  let total = 0;
  for (let fc = 0; fc < a.length; fc++) {
    let sum = 0;
    let weights = 0;
    for (let i = ratingStart[fc]!; i < ratingStart[fc + 1]!; i++) {
      sum += weight[i]! * mid[i]!;
      weights += weight[i]!;
    }
    a[fc] = sum / weights - MIDDLE;
    grand += sum;
    total += weights;
  }
  out[0] = grand;
  out[1] = total;
}

function cellSums(cell: Int32Array, mid: Float64Array, cellSum: Float64Array, cellCount: Float64Array): void {
  for (let i = 0; i < cell.length; i++) {
    cellSum[cell[i]!]! += mid[i]!;
    cellCount[cell[i]!]!++;
  }
}

/** Each rating's residual from its cell mean (cells of 2 or more), summed and counted per card. */
function cardResiduals(
  cell: Int32Array,
  card: Int32Array,
  mid: Float64Array,
  cellSum: Float64Array,
  cellCount: Float64Array,
  residual: Float64Array,
  cardSum: Float64Array,
  cardCount: Float64Array,
): void {
  for (let i = 0; i < cell.length; i++) {
    const g = cell[i]!;
    if (cellCount[g]! < 2) continue;
    residual[i] = mid[i]! - cellSum[g]! / cellCount[g]!;
    cardSum[card[i]!]! += residual[i]!;
    cardCount[card[i]!]!++;
  }
}

/** out = [Σ (residual − card mean residual)², its degrees of freedom] (see initialise). */
function withinSums(
  cell: Int32Array,
  card: Int32Array,
  residual: Float64Array,
  cellCount: Float64Array,
  cardSum: Float64Array,
  cardCount: Float64Array,
  out: Float64Array,
): void {
  let within = 0;
  let withinFreedom = 0;
  // A card's residuals differ from their mean by noise only; each residual lost 1 / n_g of its variance to the
  // cell mean, and each card 1 of its ratings to its own mean.
  for (let i = 0; i < cell.length; i++) {
    const g = cell[i]!;
    const q = card[i]!;
    if (cellCount[g]! < 2 || cardCount[q]! < 2) continue;
    within += (residual[i]! - cardSum[q]! / cardCount[q]!) ** 2;
    withinFreedom += (1 - 1 / cellCount[g]!) * (1 - 1 / cardCount[q]!);
  }
  out[0] = within;
  out[1] = withinFreedom;
}
