// The interviewer kit's timing guide, fitted to the round actually booked. Pure.

export interface TimingStep {
  minutes: number;
  activity: string;
}

/**
 * Scales a timing guide to `totalMinutes`, keeping each step's share: whole minutes (largest remainders
 * get the spare ones), at least one minute a step, and exactly `totalMinutes` in all.
 */
export function scaleTimingGuide(steps: TimingStep[], totalMinutes: number): TimingStep[] {
  const sum = steps.reduce((s, step) => s + step.minutes, 0);
  if (steps.length === 0 || sum <= 0 || !(totalMinutes > 0) || sum === totalMinutes) return steps;
  const target = Math.max(Math.round(totalMinutes), steps.length);
  const exact = steps.map((step) => (step.minutes / sum) * target);
  const whole = exact.map((x) => Math.max(1, Math.floor(x)));
  let spare = target - whole.reduce((s, x) => s + x, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; spare > 0; k = (k + 1) % byRemainder.length, spare--) whole[byRemainder[k]!.i]! += 1;
  // Minimums can overshoot: take the excess from the longest steps.
  while (spare < 0) {
    const longest = whole.indexOf(Math.max(...whole));
    whole[longest]! -= 1;
    spare++;
  }
  return steps.map((step, i) => ({ ...step, minutes: whole[i]! }));
}
