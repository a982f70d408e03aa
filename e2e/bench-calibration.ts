// Benchmark for interviewer calibration at cohort scale: 500 candidates, each through a 6-round loop whose
// rounds are taken by 6 distinct interviewers drawn from 40, each scorecard rating 20 signals: 60,000
// ratings. Times calibrate (grouping by signal key) and checks the median against the 0.5 s target. The
// data are seeded, so every run measures the same work; the accuracy line is a sanity check, not a test.
//
//   npx tsx e2e/bench-calibration.ts

import { calibrate, type CalibrationResult, type Rating } from "../src/domain/calibration";

const SEED = 20_260_415;
const TARGET_MS = 500;
const WARM_UP_RUNS = 3;
const MEASURED_RUNS = 10;
const CANDIDATES = 500;
const ROUNDS = 6;
const SIGNALS = 20;
const INTERVIEWERS = 40;
const NOISE_SD = 0.5;

/** mulberry32: a 32-bit state generator; seeded so the benchmark's data never change between runs. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = createRandom(SEED);
const drawNormal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

function drawPanel(size: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < size) chosen.add(Math.floor(random() * INTERVIEWERS));
  return [...chosen];
}

function simulateRatings(): { ratings: Rating[]; severity: number[] } {
  const severity = Array.from({ length: INTERVIEWERS }, () => (random() * 2 - 1) * 0.8);
  // Signals differ in difficulty, so per-signal scores are not all the same number.
  const difficulty = Array.from({ length: SIGNALS }, () => 0.3 * drawNormal());
  const ratings: Rating[] = [];
  for (let c = 0; c < CANDIDATES; c++) {
    const ability = 2.5 + 0.6 * drawNormal();
    for (const j of drawPanel(ROUNDS)) {
      for (let s = 0; s < SIGNALS; s++) {
        const latent = ability + (difficulty[s] ?? 0) + (severity[j] ?? 0) + NOISE_SD * drawNormal();
        ratings.push({
          candidateId: `candidate-${c}`,
          interviewerId: `interviewer-${j}`,
          key: `signal-${s}`,
          value: Math.min(4, Math.max(1, Math.round(latent))),
        });
      }
    }
  }
  return { ratings, severity };
}

function summarize(samples: number[]): { median: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (i: number): number => sorted[i] ?? Number.NaN;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 0 ? (at(mid - 1) + at(mid)) / 2 : at(Math.floor(mid));
  return { median, max: at(sorted.length - 1) };
}

function measureSeverityError(result: CalibrationResult, severity: number[]): number {
  // Only differences between severities are identifiable, so the truth is centred like the estimates.
  const mean = severity.reduce((sum, s) => sum + s, 0) / severity.length;
  const estimates = new Map(result.interviewers.map((i) => [i.interviewerId, i.severity]));
  const squared = severity.map((s, j) => ((estimates.get(`interviewer-${j}`) ?? Number.NaN) - (s - mean)) ** 2);
  return Math.sqrt(squared.reduce((sum, e) => sum + e, 0) / squared.length);
}

const { ratings, severity } = simulateRatings();
console.log(`calibrate benchmark, seed ${SEED}`);
console.log(`  ${CANDIDATES} candidates × ${ROUNDS} rounds × ${SIGNALS} signals by ${INTERVIEWERS} interviewers = ${ratings.length} ratings, grouped by signal`);
console.log(`  ${WARM_UP_RUNS} warm-up + ${MEASURED_RUNS} measured runs; target: median < ${TARGET_MS} ms\n`);

let last: CalibrationResult | undefined;
for (let run = 0; run < WARM_UP_RUNS; run++) last = calibrate(ratings);
const samples: number[] = [];
for (let run = 0; run < MEASURED_RUNS; run++) {
  const started = performance.now();
  last = calibrate(ratings);
  samples.push(performance.now() - started);
}

const { median, max } = summarize(samples);
const pass = median < TARGET_MS;
if (last) {
  console.log(`  iterations: ${last.iterations}, converged: ${last.converged}, warnings: ${last.warnings.length}`);
  for (const warning of last.warnings) console.log(`    ${warning}`);
  console.log(`  candidate scores: ${last.candidates.length}, interviewers: ${last.interviewers.length}`);
  console.log(`  severity RMSE vs simulated truth: ${measureSeverityError(last, severity).toFixed(3)}`);
}
console.log(`  median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms`);
console.log(`  ${pass ? "PASS" : "FAIL"}: median ${median.toFixed(1)} ms vs target ${TARGET_MS} ms`);
process.exitCode = pass ? 0 : 1;
