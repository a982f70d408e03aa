import { describe, expect, it } from "vitest";
import { findSignalDisagreements, isSplitRecommendation, missingForSubmit } from "./scorecard";

const signals = [
  { key: "a", title: "Clarifies" },
  { key: "b", title: "Tests" },
];

describe("missingForSubmit", () => {
  it("lists what is missing in words", () => {
    expect(
      missingForSubmit(signals, { ratings: { a: { rating: 3, evidence: "" } }, recommendation: null, summary: " " }),
    ).toEqual([
      'Rate or mark "not observed": Tests',
      "Add evidence for: Clarifies",
      "Choose an overall recommendation",
      "Write a summary",
    ]);
  });
  it("accepts not observed without evidence", () => {
    expect(
      missingForSubmit(signals, {
        ratings: { a: { rating: 4, evidence: "Asked about nulls" }, b: { rating: "not_observed", evidence: "" } },
        recommendation: "yes",
        summary: "Solid.",
      }),
    ).toEqual([]);
  });
});

describe("disagreements", () => {
  it.each([
    [[1, 3], true],
    [[2, 3], false],
    [[4, 2, 3], true],
    [[3], false],
  ])("ratings %j → disagreement %s", (values, expected) => {
    const found = findSignalDisagreements(values.map((rating, i) => ({ signalKey: "s", raterId: `r${i}`, rating })));
    expect(found.length > 0).toBe(expected);
  });
  it.each([
    [["yes", "strong_yes"], false],
    [["no", "yes"], true],
    [["strong_no", "no"], false],
    [["strong_no", "strong_yes"], true],
  ] as const)("%j split=%s", (recs, expected) => {
    expect(isSplitRecommendation([...recs])).toBe(expected);
  });
});
