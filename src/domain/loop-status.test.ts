import { describe, expect, it } from "vitest";
import { canMoveLoop, loopMoveError, roundLabels, statusAfterBooking } from "./loop-status";

describe("loop status", () => {
  it.each([
    ["draft", "scheduling", true],
    ["scheduling", "scheduled", true],
    ["scheduled", "in_progress", true],
    ["in_progress", "debrief", true],
    ["debrief", "completed", true],
    ["completed", "draft", false],
    ["cancelled", "scheduling", false],
    ["draft", "completed", false],
  ] as const)("%s → %s allowed=%s", (from, to, ok) => {
    expect(canMoveLoop(from, to)).toBe(ok);
  });

  it("explains a refused move", () => {
    expect(loopMoveError("draft", "completed")).toBe(
      "A draft loop can move to scheduling or cancelled, not completed.",
    );
    expect(loopMoveError("completed", "draft")).toBe("This loop is completed; it can no longer change.");
    expect(loopMoveError("draft", "draft")).toBeNull();
  });

  it.each([
    ["draft", 0, 3, "draft"],
    ["draft", 1, 3, "scheduling"],
    ["scheduling", 3, 3, "scheduled"],
    ["scheduled", 2, 3, "scheduling"],
    ["in_progress", 1, 3, "in_progress"],
  ] as const)("%s with %i of %i booked → %s", (current, booked, active, expected) => {
    expect(statusAfterBooking(current, booked, active)).toBe(expected);
  });
});

describe("round labels", () => {
  it("adds the round's place only when its type repeats in the loop", () => {
    const labels = roundLabels([
      { id: "a", order: 0, typeName: "Technical screen" },
      { id: "b", order: 1, typeName: "Coding" },
      { id: "c", order: 2, typeName: "Coding" },
    ]);
    expect([...labels.values()]).toEqual(["Technical screen", "Coding (round 2)", "Coding (round 3)"]);
  });
});
