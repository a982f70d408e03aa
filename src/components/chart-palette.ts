// The charts' colours, one home for every chart (report, analytics). Okabe–Ito: distinguishable with the
// common forms of colour blindness.
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9"] as const;

/** The colour of the i-th series, repeating after six. */
export function seriesColor(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}
