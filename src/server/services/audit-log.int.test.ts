// The audit log is paginated, filtered and sorted in the query: pages follow one another without gaps or
// repeats (events at the same instant are ordered by id), the first page carries the count, and the
// statements per call do not grow with the events.
import { describe, expect, it } from "vitest";
import { PAGE_SIZE } from "@/schemas/values";
import { createWorkspaceWithRoles, db } from "@/test/factories";
import { walkPages } from "@/test/paging";
import { sqlStatements } from "@/test/statements";

/** `n` events of `action`, two per instant (so the id tiebreaker matters), a minute apart. */
async function events(workspaceId: string, actorId: string, n: number, action: string, from: Date) {
  await db.auditEvent.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      workspaceId,
      actorId,
      action,
      targetType: action.split(".")[0]!,
      createdAt: new Date(from.getTime() + Math.floor(i / 2) * 60_000),
    })),
  });
}

describe("audit log pages", () => {
  it("pages through every event without gaps or repeats, newest or oldest first, filtered by area and action", async () => {
    const ws = await createWorkspaceWithRoles("audit-pages");
    const owner = ws.members.owner;
    await events(ws.id, owner.actor.userId, 30, "rubric.published", new Date("2026-01-01T00:00:00Z"));
    await events(ws.id, owner.actor.userId, 7, "rubric.created", new Date("2026-02-01T00:00:00Z"));
    await events(ws.id, owner.actor.userId, 12, "question.created", new Date("2026-03-01T00:00:00Z"));
    const stored = await db.auditEvent.findMany({ where: { workspaceId: ws.id } });
    const list = (extra: object) => (cursor: string | undefined) =>
      owner.caller.audit.list({ workspaceId: ws.id, limit: 10, cursor, ...extra });

    const newest = await walkPages(list({}));
    expect(newest.pages.length).toBe(Math.ceil(stored.length / 10));
    expect(newest.pages.slice(0, -1).every((p) => p.length === 10)).toBe(true);
    expect(new Set(newest.items.map((e) => e.id)).size).toBe(stored.length);
    expect(newest.items.map((e) => e.id).sort()).toEqual(stored.map((e) => e.id).sort());
    const key = (e: { createdAt: Date; id: string }) => `${e.createdAt.toISOString()}|${e.id}`;
    expect(newest.items.map(key)).toEqual(newest.items.map(key).sort().reverse());

    const oldest = await walkPages(list({ sort: "oldest" }));
    expect(oldest.items.map((e) => e.id)).toEqual(newest.items.map((e) => e.id).reverse());

    const first = await owner.caller.audit.list({ workspaceId: ws.id, limit: 10 });
    expect(first.total).toBe(stored.length);
    expect((await owner.caller.audit.list({ workspaceId: ws.id, limit: 10, area: "rubric" })).total).toBe(37);

    const rubric = await walkPages(list({ area: "rubric" }));
    expect(rubric.items).toHaveLength(37);
    expect(rubric.items.every((e) => e.action.startsWith("rubric."))).toBe(true);
    const created = await walkPages(list({ area: "rubric", action: "rubric.created" }));
    expect(created.items.map((e) => e.action)).toEqual(Array(7).fill("rubric.created"));
    const questions = await owner.caller.audit.list({ workspaceId: ws.id, action: "question.created" });
    expect(questions.total).toBe(12);
    expect(questions.items).toHaveLength(12);
    expect(questions.nextCursor).toBeNull();
    // An area and an action of another area match nothing.
    expect(
      (await owner.caller.audit.list({ workspaceId: ws.id, area: "member", action: "rubric.created" })).total,
    ).toBe(0);
  });

  it("answers a page in the same number of statements for 2 events and for 40", async () => {
    const small = await createWorkspaceWithRoles("audit-small");
    const large = await createWorkspaceWithRoles("audit-large");
    await events(small.id, small.members.owner.actor.userId, 2, "rubric.created", new Date("2026-01-01T00:00:00Z"));
    await events(large.id, large.members.owner.actor.userId, 40, "rubric.created", new Date("2026-01-01T00:00:00Z"));
    const count = async (ws: typeof small) =>
      (await sqlStatements(() => ws.members.owner.caller.audit.list({ workspaceId: ws.id, limit: PAGE_SIZE }))).length;
    const a = await count(small);
    expect(a).toBeGreaterThan(0);
    expect(await count(large)).toBe(a);
  });
});
