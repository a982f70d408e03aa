// The cohort view is paginated, filtered and sorted in the query, over the stored fit: pages follow one another
// without gaps or repeats (loops with the same stored score ordered by id), loops that cannot be calibrated
// are never ranked, the first page carries the count, and the statements per call do not grow with the cohort.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PAGE_SIZE } from "@/schemas/values";
import { windowStart } from "@/server/services/cohort";
import { createWorkspaceWithRoles, db, outcome, type TestWorkspace } from "@/test/factories";
import { walkPages } from "@/test/paging";
import { sqlStatements } from "@/test/statements";

interface Spec {
  name: string;
  level: "entry" | "mid" | "senior";
  targetRole: string;
  raw: number;
  calibrated: number | null;
  createdAt?: Date;
}

const score = (kind: "overall" | "group", key: string | null, raw: number, calibrated: number | null) => ({
  kind,
  key,
  raw,
  calibrated,
  standardError: calibrated === null ? null : 0.25,
  ratings: 6,
  interviewers: 2,
  notCalibratedReason: calibrated === null ? "Rated only by interviewers outside the connected panel." : null,
});

/** A stored fit of the workspace with one loop per spec, each for a candidate of that name. */
async function storedFit(ws: TestWorkspace, specs: Spec[]) {
  const fitId = randomUUID();
  const users = specs.map((s) => ({ id: randomUUID(), name: s.name, email: `${randomUUID()}@example.test` }));
  await db.user.createMany({ data: users });
  const memberships = users.map((u) => ({
    id: randomUUID(),
    workspaceId: ws.id,
    userId: u.id,
    role: "candidate" as const,
  }));
  await db.membership.createMany({ data: memberships });
  const loops = specs.map((s, i) => ({
    id: randomUUID(),
    workspaceId: ws.id,
    candidateMemberId: memberships[i]!.id,
    coachMemberId: ws.members.coach.memberId,
    targetRole: s.targetRole,
    level: s.level,
    createdAt: s.createdAt ?? new Date(),
  }));
  await db.loop.createMany({ data: loops });
  await db.cohortLoopScore.createMany({
    data: specs.map((s, i) => ({
      workspaceId: ws.id,
      fitId,
      loopId: loops[i]!.id,
      scores: [score("overall", null, s.raw, s.calibrated), score("group", "coding", s.raw, s.calibrated)],
    })),
  });
  const fit = { fitId, since: windowStart(new Date()), loops: specs.length, fittedAt: new Date(), fittedVersion: 0 };
  await db.cohortFit.upsert({ where: { workspaceId: ws.id }, create: { workspaceId: ws.id, ...fit }, update: fit });
  return new Map<string, Spec>(loops.map((l, i) => [l.id, specs[i]!]));
}

/** 30 calibrated loops with many equal scores, and 7 that cannot be calibrated. */
function cohortSpecs(): Spec[] {
  const ranked = Array.from({ length: 30 }, (_, i) => ({
    name: `Candidate ${String(i).padStart(2, "0")}`,
    level: (["entry", "mid", "senior"] as const)[i % 3]!,
    targetRole: i % 2 ? "Backend engineer" : "Frontend engineer",
    raw: 1 + (i % 4) * 0.5,
    // Only four distinct calibrated scores: most rows tie with others.
    calibrated: 1.5 + (i % 4) * 0.5,
  }));
  const apart = Array.from({ length: 7 }, (_, i) => ({
    name: `Apart ${String.fromCharCode(71 - i)}`,
    level: "mid" as const,
    targetRole: "Backend engineer",
    raw: 3.9,
    calibrated: null,
  }));
  return [...ranked, ...apart];
}

describe("cohort pages", () => {
  it("ranks the calibrated loops page by page, ties by id, with the count; the others apart, by name", async () => {
    const ws = await createWorkspaceWithRoles("cohort-pages");
    const byLoop = await storedFit(ws, cohortSpecs());
    const coach = ws.members.coach.caller;
    const walk = (extra: object) =>
      walkPages((cursor) => coach.calibration.cohortPage({ workspaceId: ws.id, limit: 4, cursor, ...extra }));

    const ranked = await walk({});
    expect(ranked.pages.map((p) => p.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 2]);
    expect(new Set(ranked.items.map((c) => c.loopId)).size).toBe(30);
    expect(ranked.items.every((c) => c.calibrated !== null)).toBe(true);
    // Highest calibrated score first; equal scores by loop id (descending), the same on every walk.
    const key = (c: { calibrated: number | null; loopId: string }) => [c.calibrated!, c.loopId] as const;
    const expected = [...ranked.items].sort(
      (a, b) => key(b)[0] - key(a)[0] || (key(b)[1] < key(a)[1] ? -1 : key(b)[1] > key(a)[1] ? 1 : 0),
    );
    expect(ranked.items.map((c) => c.loopId)).toEqual(expected.map((c) => c.loopId));
    expect((await walk({})).items.map((c) => c.loopId)).toEqual(ranked.items.map((c) => c.loopId));
    // Names and numbers are those stored for each loop.
    for (const c of ranked.items) {
      const spec = byLoop.get(c.loopId)!;
      expect([c.name, c.calibrated, c.raw, c.loop]).toEqual([
        spec.name,
        spec.calibrated,
        spec.raw,
        `${spec.targetRole} (${spec.level})`,
      ]);
      expect(c.byDimension.coding?.calibrated).toBe(spec.calibrated);
    }

    const first = await coach.calibration.cohortPage({ workspaceId: ws.id, limit: 4 });
    expect(first.total).toBe(30);
    expect(first.dimensions.length).toBeGreaterThan(0);
    expect(first.updating).toBe(false);
    expect(
      (await coach.calibration.cohortPage({ workspaceId: ws.id, limit: 4, cursor: first.nextCursor! })).total,
    ).toBeNull();

    const byRaw = await walk({ sort: "raw" });
    const raws = byRaw.items.map((c) => c.raw);
    expect(raws).toEqual([...raws].sort((a, b) => b - a));
    expect(byRaw.items).toHaveLength(30);
    const byName = await walk({ sort: "name" });
    expect(byName.items.map((c) => c.name)).toEqual(ranked.items.map((c) => c.name).sort());

    // Never ranked: the loops without a calibrated score are only in their own list, by name.
    const apart = await walk({ section: "notCalibrated", sort: "calibrated" });
    expect(apart.items.map((c) => c.name)).toEqual(["A", "B", "C", "D", "E", "F", "G"].map((l) => `Apart ${l}`));
    expect(apart.items.every((c) => c.calibrated === null && c.notCalibratedReason)).toBe(true);
    expect((await coach.calibration.cohortPage({ workspaceId: ws.id, section: "notCalibrated" })).total).toBe(7);
    const apartIds = new Set(apart.items.map((c) => c.loopId));
    for (const sort of ["calibrated", "raw", "name"] as const) {
      const all = await walk({ sort });
      expect(all.items.filter((c) => apartIds.has(c.loopId))).toEqual([]);
    }

    // Filters in the query, with the count of what matches.
    const midBackend = await walk({ level: "mid", targetRole: "BACKEND" });
    const want = [...byLoop.entries()].filter(
      ([, s]) => s.calibrated !== null && s.level === "mid" && s.targetRole.startsWith("Backend"),
    );
    expect(midBackend.items.map((c) => c.loopId).sort()).toEqual(want.map(([id]) => id).sort());
    expect(
      (await coach.calibration.cohortPage({ workspaceId: ws.id, level: "mid", targetRole: "backend" })).total,
    ).toBe(want.length);
    // A target role is matched literally.
    expect((await coach.calibration.cohortPage({ workspaceId: ws.id, targetRole: "%" })).total).toBe(0);
  });

  it("filters by when the loop was created", async () => {
    const ws = await createWorkspaceWithRoles("cohort-dates");
    const base = { level: "mid" as const, targetRole: "Backend", raw: 2, calibrated: 2 };
    const byLoop = await storedFit(ws, [
      { ...base, name: "Early", createdAt: new Date("2026-01-10T12:00:00Z") },
      { ...base, name: "Middle", createdAt: new Date("2026-02-10T12:00:00Z") },
      { ...base, name: "Late", createdAt: new Date("2026-03-10T12:00:00Z") },
    ]);
    const names = async (from?: Date, to?: Date) =>
      (await ws.members.owner.caller.calibration.cohortPage({ workspaceId: ws.id, sort: "name", from, to })).items.map(
        (c) => c.name,
      );
    expect(byLoop.size).toBe(3);
    expect(await names(new Date("2026-02-01T00:00:00Z"))).toEqual(["Late", "Middle"]);
    expect(await names(undefined, new Date("2026-02-28T00:00:00Z"))).toEqual(["Early", "Middle"]);
    expect(await names(new Date("2026-02-01T00:00:00Z"), new Date("2026-02-28T00:00:00Z"))).toEqual(["Middle"]);
  });

  it("is empty before the first fit, and never shows another workspace's loops, whatever the cursor", async () => {
    const a = await createWorkspaceWithRoles("cohort-pages-a");
    const b = await createWorkspaceWithRoles("cohort-pages-b");
    const empty = await a.members.coach.caller.calibration.cohortPage({ workspaceId: a.id });
    expect([empty.items, empty.total, empty.nextCursor]).toEqual([[], 0, null]);
    const bLoops = await storedFit(b, cohortSpecs());
    await storedFit(a, cohortSpecs().slice(0, 3));
    const [bLoop] = [...bLoops.keys()];
    const page = await a.members.coach.caller.calibration.cohortPage({ workspaceId: a.id, cursor: bLoop });
    expect(page.items).toEqual([]);
    expect(page.nextCursor).toBeNull();
    const own = await a.members.coach.caller.calibration.cohortPage({ workspaceId: a.id });
    expect(own.total).toBe(3);
    expect(own.items.filter((c) => bLoops.has(c.loopId))).toEqual([]);
    expect(await outcome(a.members.coach.caller.calibration.cohortPage({ workspaceId: b.id }))).toBe("NOT_FOUND");
  });

  it("answers a page in the same number of statements for 3 loops and for 37", async () => {
    const small = await createWorkspaceWithRoles("cohort-small");
    const large = await createWorkspaceWithRoles("cohort-large");
    await storedFit(small, cohortSpecs().slice(0, 3));
    await storedFit(large, cohortSpecs());
    const count = async (ws: TestWorkspace, input: object = {}) =>
      (
        await sqlStatements(() =>
          ws.members.coach.caller.calibration.cohortPage({ workspaceId: ws.id, limit: PAGE_SIZE, ...input }),
        )
      ).length;
    const a = await count(small);
    expect(a).toBeGreaterThan(0);
    expect(await count(large)).toBe(a);
    expect(await count(large, { sort: "name", level: "mid" })).toBe(a);
  });
});
