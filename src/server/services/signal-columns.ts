// One mapping from a signal's shape in forms, files and the seed to its database columns.

export interface SignalContent {
  dimensionKey: string;
  title: string;
  description: string;
  anchors: Record<"1" | "2" | "3" | "4", string>;
  weights: { entry: number; mid: number; senior: number };
}

export function signalColumns(s: SignalContent) {
  return {
    dimensionKey: s.dimensionKey,
    title: s.title,
    description: s.description,
    anchor1: s.anchors["1"],
    anchor2: s.anchors["2"],
    anchor3: s.anchors["3"],
    anchor4: s.anchors["4"],
    weightEntry: s.weights.entry,
    weightMid: s.weights.mid,
    weightSenior: s.weights.senior,
  };
}
