import { describe, expect, it } from "vitest";
import {
  addDays,
  agreementByMonth,
  changeInterval,
  customPeriodError,
  dayInZone,
  loadSummary,
  outcomeRows,
  passThrough,
  resolvePeriod,
  statusRows,
  weeksTouched,
} from "./analytics";
import { krippendorffAlpha } from "./calibration/krippendorff";

describe("periods", () => {
  it("a preset ends today in the workspace's zone and counts today", () => {
    expect(resolvePeriod({ period: "30d" }, "2026-06-30")).toEqual({
      preset: "30d",
      from: "2026-06-01",
      to: "2026-06-30",
    });
    expect(resolvePeriod({}, "2026-03-31")).toEqual({ preset: "90d", from: "2026-01-01", to: "2026-03-31" });
    expect(resolvePeriod({ period: "custom", from: "2026-01-05", to: "2026-02-01" }, "2026-06-30")).toEqual({
      preset: "custom",
      from: "2026-01-05",
      to: "2026-02-01",
    });
  });

  it("reads today in the zone, not on the machine", () => {
    const at = new Date("2026-03-08T03:30:00.000Z");
    expect(dayInZone(at, "America/Los_Angeles")).toBe("2026-03-07");
    expect(dayInZone(at, "Asia/Tokyo")).toBe("2026-03-08");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("refuses a custom period that is inverted, open or too long", () => {
    expect(customPeriodError("2026-01-01", "2026-01-01")).toBeNull();
    expect(customPeriodError("2026-02-01", "2026-01-01")).toMatch(/not be after/);
    expect(customPeriodError(undefined, "2026-01-01")).toMatch(/both/);
    expect(customPeriodError("2024-01-01", "2026-01-01")).toMatch(/at most 731 days/);
  });

  it("counts the Monday-to-Sunday weeks a period touches", () => {
    expect(weeksTouched("2026-06-01", "2026-06-30")).toBe(5); // Mondays 1, 8, 15, 22, 29
    expect(weeksTouched("2026-06-07", "2026-06-08")).toBe(2); // a Sunday and the Monday after
    expect(weeksTouched("2026-06-02", "2026-06-07")).toBe(1);
  });
});

describe("figures", () => {
  it("lists every status and outcome with the vocabulary's words, zero when absent", () => {
    expect(statusRows([{ status: "in_progress", loops: 2 }]).find((s) => s.status === "in_progress")).toEqual({
      status: "in_progress",
      label: "In progress",
      loops: 2,
    });
    expect(outcomeRows([{ decision: null, loops: 4 }]).map((o) => [o.label, o.loops])).toEqual([
      ["Ready", 0],
      ["Not yet", 0],
      ["Needs another loop", 0],
      ["No decision yet", 4],
    ]);
  });

  it("pass-through shares of created and of the stage before", () => {
    const rows = passThrough({ created: 10, scheduled: 8, scorecards_in: 4, debriefed: 4, released: 0 });
    expect(rows.map((r) => [r.ofCreated, r.ofPrevious])).toEqual([
      [1, null],
      [0.8, 0.8],
      [0.4, 0.5],
      [0.4, 1],
      [0, 0],
    ]);
    expect(
      passThrough({ created: 0, scheduled: 0, scorecards_in: 0, debriefed: 0, released: 0 })[1]!.ofCreated,
    ).toBeNull();
  });

  it("change intervals: spread over √n with several pairs, the pair's own error with one", () => {
    // sd 0.2, 4 pairs: se 0.1, ±0.2.
    expect(changeInterval({ pairs: 4, mean: 0.3, sd: 0.2, pairSe: 9 })).toMatchObject({
      standardError: 0.1,
      low: expect.closeTo(0.1, 12),
      high: expect.closeTo(0.5, 12),
    });
    expect(changeInterval({ pairs: 1, mean: -0.5, sd: null, pairSe: 0.25 })).toMatchObject({ low: -1, high: 0 });
    expect(changeInterval({ pairs: 1, mean: 0.5, sd: null, pairSe: null })).toMatchObject({ low: null, high: null });
  });

  it("alpha from summed coincidences equals alpha from the units themselves", () => {
    // Units (1, 2), (2, 2), (3, 3, 4): ordered pairs weighted 1 / (m − 1).
    const units = [
      [1, 2],
      [2, 2],
      [3, 3, 4],
    ];
    const cells = [
      { month: "2026-01-01", c: 1, k: 2, weight: 1 },
      { month: "2026-01-01", c: 2, k: 1, weight: 1 },
      { month: "2026-01-01", c: 2, k: 2, weight: 2 },
      { month: "2026-02-01", c: 3, k: 3, weight: 1 },
      { month: "2026-02-01", c: 3, k: 4, weight: 1 },
      { month: "2026-02-01", c: 4, k: 3, weight: 1 },
    ];
    const result = agreementByMonth(cells, [
      { month: "2026-01-01", units: 2 },
      { month: "2026-02-01", units: 1 },
    ]);
    expect(result.overall).toBeCloseTo(krippendorffAlpha(units, "ordinal")!, 12);
    expect(result.months.map((m) => [m.month, m.units])).toEqual([
      ["2026-01-01", 2],
      ["2026-02-01", 1],
    ]);
    expect(result.months[0]!.alpha).toBeCloseTo(krippendorffAlpha(units.slice(0, 2), "ordinal")!, 12);
    expect(agreementByMonth([], []).overall).toBeNull();
  });

  it("load against a cap", () => {
    expect(loadSummary([{ rounds: 3 }, { rounds: 5 }, { rounds: 4 }], 4, 4)).toEqual({
      rounds: 12,
      busiestWeek: 5,
      perWeek: 3,
      weeksAtCap: 2,
      weeksOverCap: 1,
    });
    expect(loadSummary([], null, 0)).toMatchObject({ busiestWeek: 0, perWeek: 0, weeksAtCap: null });
  });
});
