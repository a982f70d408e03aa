import { describe, expect, it } from "vitest";
import { readRatings, readReportDraft, readStoredScores, readTemplateRounds, readWeekly } from "./json";

describe("JSON columns read through parsers", () => {
  it("returns well-formed values as they are", () => {
    const ratings = {
      clarity: { rating: 3, evidence: "Explained the trade-off." },
      depth: { rating: "not_observed", evidence: "" },
    };
    expect(readRatings(ratings)).toEqual(ratings);
    expect(readWeekly([{ weekday: 1, start: "09:00", end: "17:00" }])).toHaveLength(1);
    expect(readTemplateRounds([{ roundTypeKey: "coding", durationMin: 60 }])[0]!.roundTypeKey).toBe("coding");
    expect(readReportDraft({ summary: "", strengths: [], growthAreas: [], excerpts: [] }).summary).toBe("");
  });

  it("fails loudly, naming the column and the place, on a value of the wrong shape", () => {
    expect(() => readRatings({ clarity: { rating: 7, evidence: "" } })).toThrow(/scorecard ratings.*clarity\.rating/);
    expect(() => readWeekly({ weekday: 1 })).toThrow(/weekly availability/);
    expect(() => readStoredScores([{ kind: "overall", key: null, raw: "3" }])).toThrow(/calibrated scores.*0\.raw/);
  });
});
