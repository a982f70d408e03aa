// Seed completeness: the library every workspace starts with covers what the source guide documents.
import { describe, expect, it } from "vitest";
import { librarySeed } from "./library";

const lib = librarySeed();

// Every prompt the guide names, by round type.
const GUIDE_PROMPTS = [
  "API rate limiter",
  "Top-k frequent items",
  "Merge overlapping intervals",
  "Cycle in a job dependency graph",
  "LRU cache",
  "Anomalous events in service logs",
  "Top failing endpoints",
  "URL shortener",
  "Notification service",
  "Distributed cache",
  "File metadata service",
  "Task queue for background jobs",
  "Chat backend",
  "Logging and monitoring pipeline",
  "Global user-profile service",
  "Public API rate limiter",
  "Idempotent payment endpoint",
  "Cache goes down",
  "Schema evolution",
  "Disagreed with a technical decision",
  "Production incident",
  "Requirements changed midstream",
  "Improved reliability or performance",
  "A failure and its lesson",
  "Technical debt versus features",
  "Incomplete requirements",
];

const ROUND_TYPES = [
  "recruiter-screen",
  "technical-screen",
  "coding",
  "system-design",
  "backend-depth",
  "behavioral",
  "hiring-manager",
];
const TECHNICAL = ["technical-screen", "coding", "system-design", "backend-depth"];

describe("seeded library", () => {
  it("has the six dimensions and the seven round types of the guide", () => {
    expect(lib.dimensions.map((d) => d.key).sort()).toEqual([
      "backend-depth",
      "behavioral",
      "coding",
      "communication",
      "role-alignment",
      "system-design",
    ]);
    expect(lib.roundTypes.map((r) => r.key)).toEqual(ROUND_TYPES);
  });

  it("every round type has signals; technical ones at least five; system design one per framework step", () => {
    for (const rt of lib.roundTypes)
      expect(rt.signals.length, rt.key).toBeGreaterThanOrEqual(TECHNICAL.includes(rt.key) ? 5 : 3);
    expect(lib.roundTypes.find((r) => r.key === "system-design")!.signals.length).toBeGreaterThanOrEqual(7);
  });

  it("every signal has four distinct, non-empty anchors and a weight per level", () => {
    for (const rt of lib.roundTypes) {
      for (const s of rt.signals) {
        const anchors = [s.anchors["1"], s.anchors["2"], s.anchors["3"], s.anchors["4"]];
        expect(
          anchors.every((a) => a.trim().length >= 20),
          `${rt.key}/${s.key}`,
        ).toBe(true);
        expect(new Set(anchors).size, `${rt.key}/${s.key}`).toBe(4);
        for (const level of ["entry", "mid", "senior"] as const)
          expect(s.weights[level], `${rt.key}/${s.key}/${level}`).toBeGreaterThan(0);
      }
    }
  });

  it("level weights follow the guide: coding execution matters more early, design more for seniors", () => {
    const signals = lib.roundTypes.flatMap((r) => r.signals);
    const mean = (dimension: string, level: "entry" | "mid" | "senior") => {
      const ws = signals.filter((s) => s.dimension === dimension).map((s) => s.weights[level]);
      return ws.reduce((a, b) => a + b, 0) / ws.length;
    };
    expect(mean("coding", "entry")).toBeGreaterThan(mean("coding", "senior"));
    expect(mean("system-design", "senior")).toBeGreaterThan(mean("system-design", "entry"));
  });

  it("has the nine red flags, each attached to a round type", () => {
    expect(lib.redFlags).toHaveLength(9);
    expect(lib.redFlags.every((f) => f.roundTypes.length > 0)).toBe(true);
  });

  it("the question bank has at least 25 questions and every prompt of the guide", () => {
    expect(lib.questions.length).toBeGreaterThanOrEqual(25);
    const covered = new Set(lib.questions.map((q) => q.guidePrompt).filter(Boolean));
    expect(GUIDE_PROMPTS.filter((p) => !covered.has(p))).toEqual([]);
    for (const q of lib.questions) expect(q.followUps.length, q.key).toBeGreaterThan(0);
    expect(new Set(lib.questions.map((q) => q.key)).size).toBe(lib.questions.length);
  });
});
