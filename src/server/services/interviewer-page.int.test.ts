// The interviewer report is paginated, searched and sorted in the query, over the stored fit: pages follow one
// another without gaps or repeats (interviewers with the same severity ordered by id), interviewers outside the
// connected panel are never ranked, the page's statistics are picked out of the fit's summary, the first page
// carries the count, and the statements per call do not grow with the number of interviewers.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PAGE_SIZE } from "@/schemas/values";
import { windowStart } from "@/server/services/cohort";
import { createWorkspaceWithRoles, db, outcome, type TestWorkspace } from "@/test/factories";
import { walkPages } from "@/test/paging";
import { sqlStatements } from "@/test/statements";

interface Spec {
  name: string;
  severity: number | null;
  ratings: number;
}

const OUTSIDE = "Shares no candidate with the connected panel.";

/** A stored fit of the workspace with one interviewer (a member of that name) per spec, and their statistics. */
async function storedFit(ws: TestWorkspace, specs: Spec[]) {
  const fitId = randomUUID();
  const users = specs.map((s) => ({ id: randomUUID(), name: s.name, email: `${randomUUID()}@example.test` }));
  await db.user.createMany({ data: users });
  const members = users.map((u) => ({
    id: randomUUID(),
    workspaceId: ws.id,
    userId: u.id,
    role: "interviewer" as const,
  }));
  await db.membership.createMany({ data: members });
  await db.cohortInterviewer.createMany({
    data: specs.map((s, i) => ({
      workspaceId: ws.id,
      fitId,
      memberId: members[i]!.id,
      estimate: {
        interviewerId: members[i]!.id,
        identifiable: s.severity !== null,
        severity: s.severity,
        standardError: s.severity === null ? null : 0.2,
        gain: s.severity === null ? null : 1,
        gainStandardError: s.severity === null ? null : 0.1,
        spread: 0.5,
        ratings: s.ratings,
        scorecards: 1,
        notCalibratedReason: s.severity === null ? OUTSIDE : null,
      },
    })),
  });
  // Statistics keyed by interviewer: scorecards and time to submit tell each one apart.
  const summary = {
    model: { severitySd: 0.5, gainSd: 0.1, haloSd: null, noiseSd: 0.4, iterations: 10, converged: true },
    warnings: [],
    interviewers: specs.map((s, i) => ({
      interviewerId: members[i]!.id,
      scorecards: 100 + i,
      panelGap: i / 10,
      medianHoursToSubmit: i,
    })),
    agreement: { bySignal: [], byDimension: [] },
  };
  const fit = {
    fitId,
    since: windowStart(new Date()),
    loops: 1,
    fittedAt: new Date(),
    fittedVersion: 0,
    summary,
  };
  await db.cohortFit.upsert({ where: { workspaceId: ws.id }, create: { workspaceId: ws.id, ...fit }, update: fit });
  return new Map<string, Spec & { index: number }>(members.map((m, i) => [m.id, { ...specs[i]!, index: i }]));
}

/** 30 interviewers in the panel with only four distinct severities, and 7 outside it. */
function panelSpecs(): Spec[] {
  const inside = Array.from({ length: 30 }, (_, i) => ({
    name: `Interviewer ${String(i).padStart(2, "0")}`,
    severity: -0.75 + (i % 4) * 0.5,
    ratings: 10 + (i % 3),
  }));
  const apart = Array.from({ length: 7 }, (_, i) => ({
    name: `Apart ${String.fromCharCode(71 - i)}`,
    severity: null,
    // More ratings than anyone in the panel, and no severity: were they ranked, they would come first.
    ratings: 99,
  }));
  return [...inside, ...apart];
}

describe("interviewer pages", () => {
  it("ranks the panel page by page, ties by id, with the count and each one's statistics; the others apart, by name", async () => {
    const ws = await createWorkspaceWithRoles("iv-pages");
    const byMember = await storedFit(ws, panelSpecs());
    const coach = ws.members.coach.caller;
    const walk = (extra: object) =>
      walkPages((cursor) => coach.calibration.interviewerPage({ workspaceId: ws.id, limit: 4, cursor, ...extra }));

    const ranked = await walk({});
    expect(ranked.pages.map((p) => p.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 2]);
    expect(new Set(ranked.items.map((i) => i.interviewerId)).size).toBe(30);
    // Most lenient first; equal severities by member id (descending), the same on every walk.
    const expected = [...ranked.items].sort(
      (a, b) =>
        b.severity! - a.severity! ||
        (b.interviewerId < a.interviewerId ? -1 : b.interviewerId > a.interviewerId ? 1 : 0),
    );
    expect(ranked.items.map((i) => i.interviewerId)).toEqual(expected.map((i) => i.interviewerId));
    expect((await walk({})).items.map((i) => i.interviewerId)).toEqual(ranked.items.map((i) => i.interviewerId));
    // Names, estimates and the statistics of the fit's summary belong to each interviewer.
    for (const i of ranked.items) {
      const spec = byMember.get(i.interviewerId)!;
      expect([i.name, i.severity, i.ratings, i.identifiable]).toEqual([spec.name, spec.severity, spec.ratings, true]);
      expect([i.scorecards, i.panelGap, i.medianHoursToSubmit]).toEqual([
        100 + spec.index,
        spec.index / 10,
        spec.index,
      ]);
    }

    const first = await coach.calibration.interviewerPage({ workspaceId: ws.id, limit: 4 });
    expect([first.total, first.updating]).toEqual([30, false]);
    expect(
      (await coach.calibration.interviewerPage({ workspaceId: ws.id, limit: 4, cursor: first.nextCursor! })).total,
    ).toBeNull();

    const byRatings = await walk({ sort: "ratings" });
    const ratings = byRatings.items.map((i) => i.ratings);
    expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
    expect(byRatings.items).toHaveLength(30);
    const byName = await walk({ sort: "name" });
    expect(byName.items.map((i) => i.name)).toEqual(ranked.items.map((i) => i.name).sort());

    // Never ranked: the interviewers outside the panel are only in their own list, by name, with the reason.
    const apart = await walk({ section: "notCalibrated", sort: "ratings" });
    expect(apart.items.map((i) => i.name)).toEqual(["A", "B", "C", "D", "E", "F", "G"].map((l) => `Apart ${l}`));
    expect(apart.items.every((i) => i.severity === null && i.notCalibratedReason === OUTSIDE)).toBe(true);
    expect((await coach.calibration.interviewerPage({ workspaceId: ws.id, section: "notCalibrated" })).total).toBe(7);
    const apartIds = new Set(apart.items.map((i) => i.interviewerId));
    for (const sort of ["severity", "ratings", "name"] as const) {
      const all = await walk({ sort });
      expect(all.items.filter((i) => apartIds.has(i.interviewerId))).toEqual([]);
    }

    // The summary beside the lists counts every interviewer of the fit without listing them.
    const summary = await coach.calibration.summary({ workspaceId: ws.id });
    expect(summary.interviewers).toBe(37);
    expect(summary.model.severitySd).toBe(0.5);
    expect(summary).not.toHaveProperty("items");
  });

  it("searches the name as shown, literally, in each section, with the count of what matches", async () => {
    const ws = await createWorkspaceWithRoles("iv-search");
    await storedFit(ws, [
      { name: "Grace Hopper", severity: 0.5, ratings: 8 },
      { name: "Grace 100% sure", severity: 0.1, ratings: 8 },
      { name: "Ada_Lovelace", severity: -0.2, ratings: 8 },
      { name: "AdaXLovelace", severity: -0.3, ratings: 8 },
      { name: "Grace Apart", severity: null, ratings: 3 },
    ]);
    const page = (search: string, section: "calibrated" | "notCalibrated" = "calibrated") =>
      ws.members.owner.caller.calibration.interviewerPage({ workspaceId: ws.id, search, section, sort: "name" });
    const grace = await page("GRACE");
    expect(grace.items.map((i) => i.name)).toEqual(["Grace 100% sure", "Grace Hopper"]);
    expect(grace.total).toBe(2);
    expect((await page("grace", "notCalibrated")).items.map((i) => i.name)).toEqual(["Grace Apart"]);
    // '%' and '_' are what was typed, not wildcards.
    expect((await page("%")).items.map((i) => i.name)).toEqual(["Grace 100% sure"]);
    expect((await page("Ada_")).items.map((i) => i.name)).toEqual(["Ada_Lovelace"]);
    expect((await page("no such person")).total).toBe(0);
  });

  it("is empty before the first fit, and never shows another workspace's interviewers, whatever the cursor", async () => {
    const a = await createWorkspaceWithRoles("iv-pages-a");
    const b = await createWorkspaceWithRoles("iv-pages-b");
    const empty = await a.members.coach.caller.calibration.interviewerPage({ workspaceId: a.id });
    expect([empty.items, empty.total, empty.nextCursor]).toEqual([[], 0, null]);
    const bMembers = await storedFit(b, panelSpecs());
    await storedFit(a, panelSpecs().slice(0, 3));
    const [bMember] = [...bMembers.keys()];
    const page = await a.members.coach.caller.calibration.interviewerPage({ workspaceId: a.id, cursor: bMember });
    expect(page.items).toEqual([]);
    expect(page.nextCursor).toBeNull();
    const own = await a.members.coach.caller.calibration.interviewerPage({ workspaceId: a.id });
    expect(own.total).toBe(3);
    expect(own.items.filter((i) => bMembers.has(i.interviewerId))).toEqual([]);
    expect(await outcome(a.members.coach.caller.calibration.interviewerPage({ workspaceId: b.id }))).toBe("NOT_FOUND");
    expect(await outcome(a.members.interviewer.caller.calibration.interviewerPage({ workspaceId: a.id }))).toBe(
      "FORBIDDEN",
    );
  });

  it("answers a page in the same number of statements for 4 interviewers and for 40", async () => {
    const small = await createWorkspaceWithRoles("iv-small");
    const large = await createWorkspaceWithRoles("iv-large");
    await storedFit(small, panelSpecs().slice(0, 4));
    await storedFit(large, [
      ...panelSpecs(),
      ...panelSpecs()
        .slice(0, 3)
        .map((s) => ({ ...s, name: `${s.name} again` })),
    ]);
    const count = async (ws: TestWorkspace, input: object = {}) =>
      (
        await sqlStatements(() =>
          ws.members.coach.caller.calibration.interviewerPage({ workspaceId: ws.id, limit: PAGE_SIZE, ...input }),
        )
      ).length;
    const a = await count(small);
    expect(a).toBeGreaterThan(0);
    expect(await count(large)).toBe(a);
    expect(await count(large, { sort: "name", search: "interviewer" })).toBe(a);
    expect(await count(large, { section: "notCalibrated" })).toBe(a);
    const summary = async (ws: TestWorkspace) =>
      (await sqlStatements(() => ws.members.coach.caller.calibration.summary({ workspaceId: ws.id }))).length;
    expect(await summary(large)).toBe(await summary(small));
  });
});
