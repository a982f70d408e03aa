import { describe, expect, it } from "vitest";
import { diffRubricVersions, type SignalValues } from "./rubric-diff";

const signal = (key: string, over: Partial<SignalValues> = {}): SignalValues => ({
  key,
  dimensionKey: "coding",
  title: `Signal ${key}`,
  description: "d",
  anchors: ["one", "two", "three", "four"],
  weights: { entry: 1.5, mid: 1.2, senior: 1 },
  ...over,
});

describe("diffRubricVersions", () => {
  it("reports added, removed, changed (field by field) and unchanged signals", () => {
    const v1 = {
      signals: [signal("a"), signal("b"), signal("c")],
      redFlags: [{ key: "f", title: "F", description: "x" }],
    };
    const v2 = {
      signals: [signal("a", { anchors: ["one", "two", "THREE", "four"] }), signal("c"), signal("d")],
      redFlags: [{ key: "f", title: "F", description: "y" }],
    };
    const diff = diffRubricVersions(v1, v2);
    expect(diff.signals.map((d) => `${d.kind}:${d.key}`)).toEqual(["changed:a", "unchanged:c", "added:d", "removed:b"]);
    const changedA = diff.signals[0];
    expect(changedA?.kind === "changed" && changedA.changes).toEqual([
      { field: "anchor 3", before: "three", after: "THREE" },
    ]);
    expect(diff.signals[1]).toMatchObject({ kind: "unchanged", moved: true });
    expect(diff.redFlags[0]).toMatchObject({
      kind: "changed",
      changes: [{ field: "description", before: "x", after: "y" }],
    });
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    expect(diff.redFlagSummary).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 0 });
  });

  it("sees weight changes", () => {
    const diff = diffRubricVersions(
      { signals: [signal("a")], redFlags: [] },
      { signals: [signal("a", { weights: { entry: 1.5, mid: 1.2, senior: 1.6 } })], redFlags: [] },
    );
    expect(diff.signals[0]).toMatchObject({
      kind: "changed",
      changes: [{ field: "weight (senior)", before: "1", after: "1.6" }],
    });
  });

  it("finds nothing between identical versions", () => {
    const v = { signals: [signal("a"), signal("b")], redFlags: [] };
    expect(diffRubricVersions(v, v).summary).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 2 });
  });
});
