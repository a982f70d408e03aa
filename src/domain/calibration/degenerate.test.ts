// Degenerate panels that real workspaces produce on day one. FOUND IN THE APP (e2e debrief screenshot):
// one loop, two interviewers, one rating every signal 1 and the other every signal 4, gave severities of
// ±1,350,751 and a calibrated score of 65.14 on the 1–4 scale. Whatever the model, estimates must stay
// finite and on the scale, with the prior (shrinkage) keeping severities bounded when the data cannot.
import { describe, expect, it } from "vitest";
import { calibrate } from "./calibrate";
import type { Rating } from "./ratings";

const signals = ["a", "b", "c", "d", "e", "f", "g", "h"];

function card(candidateId: string, interviewerId: string, value: number, group = "coding"): Rating[] {
  return signals.map((key) => ({
    candidateId,
    interviewerId,
    key,
    group,
    scorecardId: `${candidateId}|${interviewerId}`,
    value,
  }));
}

function expectSane(result: ReturnType<typeof calibrate>) {
  for (const c of result.candidates) {
    if (c.calibrated !== null) {
      expect(Number.isFinite(c.calibrated), `${c.kind} ${c.key} calibrated`).toBe(true);
      expect(c.calibrated).toBeGreaterThanOrEqual(0.5);
      expect(c.calibrated).toBeLessThanOrEqual(4.5);
    }
    if (c.standardError !== null) expect(Number.isFinite(c.standardError) && c.standardError < 5).toBe(true);
  }
  for (const i of result.interviewers) {
    if (i.severity !== null) expect(Math.abs(i.severity), `severity of ${i.interviewerId}`).toBeLessThanOrEqual(3);
    if (i.gain !== null) expect(Number.isFinite(i.gain) && i.gain > 0 && i.gain < 5).toBe(true);
  }
}

describe("degenerate panels stay finite and on the scale", () => {
  it("two interviewers at opposite ends of the scale on one loop", () => {
    const result = calibrate([...card("loop1", "one", 4), ...card("loop1", "two", 1)]);
    expectSane(result);
    const overall = result.candidates.find((c) => c.kind === "overall")!;
    expect(overall.raw).toBe(2.5);
    if (overall.calibrated !== null) expect(overall.calibrated).toBeCloseTo(2.5, 0);
  });

  it("a lenient and a harsh interviewer across four loops, every rating at an end of the scale", () => {
    const ratings = ["l1", "l2", "l3", "l4"].flatMap((loop, i) => [
      ...card(loop, "lenient", i % 2 ? 4 : 3),
      ...card(loop, "harsh", i % 2 ? 2 : 1),
    ]);
    expectSane(calibrate(ratings));
  });

  it("one interviewer alone, all 4s; one loop rated by the same interviewer twice", () => {
    expectSane(calibrate(card("solo", "only", 4)));
    expectSane(calibrate([...card("x", "same", 1), ...card("y", "same", 4)]));
  });
});
