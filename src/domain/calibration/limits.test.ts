import { describe, expect, it } from "vitest";
import { calibrate } from "./calibrate";
import { REASON_CANDIDATE_OUTSIDE_PANEL, REASON_INTERVIEWER_OUTSIDE_PANEL, REASON_NO_PANEL } from "./results";
import { findInterviewer, findScore, rate } from "./test-fixtures";

describe("calibrate: what the data cannot support", () => {
  // Main panel a, b, c rate x1..x4 together; z alone rates x9; p and q rate x10 and x11 between them only.
  const mainPanel = ["x1", "x2", "x3", "x4"].flatMap((c, i) =>
    ["k1", "k2"].flatMap((key) => [
      rate(c, "a", 2 + (i % 2), key),
      rate(c, "b", 3, key),
      rate(c, "c", 2 + ((i + 1) % 3), key),
    ]),
  );
  const outsiders = [
    rate("x9", "z", 4),
    rate("x9", "z", 4, "k2"),
    rate("x10", "p", 3),
    rate("x10", "q", 2),
    rate("x11", "p", 4),
    rate("x11", "q", 3),
  ];
  const result = calibrate([...mainPanel, ...outsiders]);

  it("marks interviewers outside the connected panel as not calibrated, with a reason and no numbers", () => {
    for (const id of ["p", "q", "z"]) {
      const estimate = findInterviewer(result, id);
      expect(estimate).toMatchObject({
        identifiable: false,
        severity: null,
        standardError: null,
        gain: null,
        gainStandardError: null,
        spread: null,
      });
      expect(estimate.notCalibratedReason).toBe(REASON_INTERVIEWER_OUTSIDE_PANEL);
    }
    for (const id of ["a", "b", "c"]) {
      expect(findInterviewer(result, id)).toMatchObject({ identifiable: true, notCalibratedReason: null });
      expect(findInterviewer(result, id).severity).not.toBeNull();
    }
  });

  it("reports their candidates with raw values only: calibrated and standard error null, and why", () => {
    for (const id of ["x9", "x10", "x11"]) {
      for (const score of result.candidates.filter((s) => s.candidateId === id)) {
        expect(score.calibrated).toBeNull();
        expect(score.standardError).toBeNull();
        expect(score.notCalibratedReason).toBe(REASON_CANDIDATE_OUTSIDE_PANEL);
        expect(Number.isFinite(score.raw)).toBe(true);
      }
    }
    expect(findScore(result, "x10", "overall")).toMatchObject({ raw: 2.5, ratings: 2, interviewers: 2 });
    expect(findScore(result, "x1", "overall").calibrated).not.toBeNull();
    expect(result.warnings.find((w) => w.startsWith("Not calibrated, because"))).toContain("x10, x11, x9");
    expect(result.warnings.find((w) => w.startsWith("Not calibrated, outside"))).toContain("p, q, z");
  });

  it("keeps the panel's estimates unaffected by disconnected interviewers", () => {
    const alone = calibrate(mainPanel);
    for (const id of ["a", "b", "c"])
      expect(findInterviewer(result, id).severity).toBeCloseTo(findInterviewer(alone, id).severity ?? Number.NaN, 10);
    expect(findScore(result, "x1", "overall").calibrated).toBeCloseTo(
      findScore(alone, "x1", "overall").calibrated ?? Number.NaN,
      10,
    );
  });

  it("flags candidates with too few ratings or a single interviewer", () => {
    const thin = result.warnings.find((w) => w.startsWith("Too few ratings"));
    expect(thin).toContain("x9 (1 interviewer, 2 ratings)");
    expect(thin).not.toContain("x1 ");
  });

  it("calibrates nobody when no two interviewers rated a common candidate", () => {
    const single = calibrate([rate("x", "a", 3), rate("y", "a", 2), rate("x", "a", 4, "k2"), rate("z", "b", 1)]);
    expect(single.interviewers.every((i) => !i.identifiable && i.notCalibratedReason === REASON_NO_PANEL)).toBe(true);
    expect(single.candidates.every((s) => s.calibrated === null && s.notCalibratedReason === REASON_NO_PANEL)).toBe(
      true,
    );
    expect(single.warnings[0]).toContain("No two interviewers rated a common candidate");
    expect(single.model.severitySd).toBeNull();
  });
});
