// The domain's vocabularies (src/domain/vocabulary.ts) are the Prisma enums' values, in the same order, and
// every value has a label: a value added to the schema but not to the domain (or back) fails here.
import { describe, expect, it } from "vitest";
import { DebriefDecision, Level, Recommendation } from "@/generated/prisma/enums";
import {
  DECISION_LABEL,
  DECISIONS,
  LEVEL_LABEL,
  LEVELS,
  RECOMMENDATION_LABEL,
  RECOMMENDATIONS,
} from "@/domain/vocabulary";

describe("vocabularies match the database enums", () => {
  it.each([
    ["Level", Object.values(Level), LEVELS, LEVEL_LABEL],
    ["Recommendation", Object.values(Recommendation), RECOMMENDATIONS, RECOMMENDATION_LABEL],
    ["DebriefDecision", Object.values(DebriefDecision), DECISIONS, DECISION_LABEL],
  ] as const)("%s", (_name, prisma, domain, labels) => {
    expect([...domain]).toEqual([...prisma]);
    for (const value of domain) expect((labels as Record<string, string>)[value]?.trim().length).toBeGreaterThan(0);
  });
});
