import { describe, expect, it } from "vitest";
import { findConflicts, mergeIntervals, overlaps, subtractIntervals } from "./intervals";
import { iv, show } from "./test-fixtures";

describe("overlaps", () => {
  it.each([
    ["overlapping", true, iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"), iv("2026-03-16T09:30Z", "2026-03-16T10:30Z")],
    ["contained", true, iv("2026-03-16T09:00Z", "2026-03-16T12:00Z"), iv("2026-03-16T10:00Z", "2026-03-16T11:00Z")],
    ["identical", true, iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"), iv("2026-03-16T09:00Z", "2026-03-16T10:00Z")],
    [
      "touching (a before b)",
      false,
      iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"),
      iv("2026-03-16T10:00Z", "2026-03-16T11:00Z"),
    ],
    [
      "touching (b before a)",
      false,
      iv("2026-03-16T10:00Z", "2026-03-16T11:00Z"),
      iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"),
    ],
    ["disjoint", false, iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"), iv("2026-03-16T11:00Z", "2026-03-16T12:00Z")],
    [
      "one millisecond of overlap",
      true,
      iv("2026-03-16T09:00Z", "2026-03-16T10:00:00.001Z"),
      iv("2026-03-16T10:00Z", "2026-03-16T11:00Z"),
    ],
    [
      "empty inside another",
      false,
      iv("2026-03-16T09:30Z", "2026-03-16T09:30Z"),
      iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"),
    ],
  ])("%s → %s", (_name, expected, a, b) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe("mergeIntervals", () => {
  it.each([
    ["nothing", [], []],
    [
      "unsorted, overlapping and touching",
      [
        iv("2026-03-16T13:00Z", "2026-03-16T14:00Z"),
        iv("2026-03-16T09:00Z", "2026-03-16T10:00Z"),
        iv("2026-03-16T09:30Z", "2026-03-16T11:00Z"),
        iv("2026-03-16T11:00Z", "2026-03-16T12:00Z"),
      ],
      [
        ["09:00", "12:00"],
        ["13:00", "14:00"],
      ],
    ],
    [
      "nested",
      [iv("2026-03-16T09:00Z", "2026-03-16T17:00Z"), iv("2026-03-16T10:00Z", "2026-03-16T11:00Z")],
      [["09:00", "17:00"]],
    ],
    [
      "drops empty and inverted",
      [iv("2026-03-16T09:00Z", "2026-03-16T09:00Z"), iv("2026-03-16T10:00Z", "2026-03-16T09:00Z")],
      [],
    ],
  ])("%s", (_name, input, expected) => {
    expect(show(mergeIntervals(input))).toEqual(
      expected.map(([s, e]) => [`2026-03-16T${s}:00Z`, `2026-03-16T${e}:00Z`]),
    );
  });

  it("leaves its input untouched", () => {
    const input = [iv("2026-03-16T10:00Z", "2026-03-16T12:00Z"), iv("2026-03-16T09:00Z", "2026-03-16T11:00Z")];
    mergeIntervals(input);
    expect(show(input)).toEqual([
      ["2026-03-16T10:00:00Z", "2026-03-16T12:00:00Z"],
      ["2026-03-16T09:00:00Z", "2026-03-16T11:00:00Z"],
    ]);
  });
});

describe("subtractIntervals", () => {
  const day = [iv("2026-03-16T09:00Z", "2026-03-16T17:00Z")];
  it.each([
    [
      "a hole in the middle",
      day,
      [iv("2026-03-16T12:00Z", "2026-03-16T13:00Z")],
      [
        ["09:00", "12:00"],
        ["13:00", "17:00"],
      ],
    ],
    [
      "busy over both ends",
      day,
      [iv("2026-03-16T08:00Z", "2026-03-16T10:00Z"), iv("2026-03-16T16:00Z", "2026-03-16T18:00Z")],
      [["10:00", "16:00"]],
    ],
    ["busy covering everything", day, [iv("2026-03-16T00:00Z", "2026-03-17T00:00Z")], []],
    [
      "busy only touching",
      day,
      [iv("2026-03-16T08:00Z", "2026-03-16T09:00Z"), iv("2026-03-16T17:00Z", "2026-03-16T18:00Z")],
      [["09:00", "17:00"]],
    ],
    [
      "unsorted, overlapping busy",
      day,
      [
        iv("2026-03-16T14:00Z", "2026-03-16T15:00Z"),
        iv("2026-03-16T10:00Z", "2026-03-16T11:00Z"),
        iv("2026-03-16T10:30Z", "2026-03-16T11:30Z"),
      ],
      [
        ["09:00", "10:00"],
        ["11:30", "14:00"],
        ["15:00", "17:00"],
      ],
    ],
    [
      "one busy across two free",
      [iv("2026-03-16T09:00Z", "2026-03-16T11:00Z"), iv("2026-03-16T12:00Z", "2026-03-16T14:00Z")],
      [iv("2026-03-16T10:00Z", "2026-03-16T13:00Z")],
      [
        ["09:00", "10:00"],
        ["13:00", "14:00"],
      ],
    ],
    ["nothing busy", day, [], [["09:00", "17:00"]]],
  ])("%s", (_name, free, busy, expected) => {
    expect(show(subtractIntervals(free, busy))).toEqual(
      expected.map(([s, e]) => [`2026-03-16T${s}:00Z`, `2026-03-16T${e}:00Z`]),
    );
  });
});

describe("findConflicts", () => {
  it("returns the ids that overlap, not those that only touch", () => {
    const existing = [
      { id: "before-touching", ...iv("2026-03-16T09:00Z", "2026-03-16T10:00Z") },
      { id: "inside", ...iv("2026-03-16T10:00Z", "2026-03-16T11:00Z") },
      { id: "straddling-end", ...iv("2026-03-16T11:30Z", "2026-03-16T12:30Z") },
      { id: "after-touching", ...iv("2026-03-16T12:00Z", "2026-03-16T13:00Z") },
      { id: "around", ...iv("2026-03-16T08:00Z", "2026-03-16T18:00Z") },
    ];
    expect(findConflicts(existing, iv("2026-03-16T10:00Z", "2026-03-16T12:00Z"))).toEqual([
      "inside",
      "straddling-end",
      "around",
    ]);
    expect(findConflicts(existing.slice(0, 1), iv("2026-03-16T10:00Z", "2026-03-16T12:00Z"))).toEqual([]);
  });
});
