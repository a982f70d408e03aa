// The Members page is paginated, searched and filtered in the query: pages follow one another without gaps
// or repeats (members who joined at the same instant ordered by id), the first page carries the count of
// matching members, and the statements per call do not grow with the members.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Role } from "@/domain/roles";
import { PAGE_SIZE } from "@/schemas/values";
import { createWorkspaceWithRoles, db, outcome, type TestWorkspace } from "@/test/factories";
import { walkPages } from "@/test/paging";
import { sqlStatements } from "@/test/statements";

/** `n` more members of `role`, named `${label} i`, two joining at each instant. */
async function members(ws: TestWorkspace, n: number, role: Role, label: string) {
  const users = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    name: `${label} ${i}`,
    email: `${label.toLowerCase().replace(/\W+/g, "-")}-${i}-${randomUUID().slice(0, 6)}@example.test`,
  }));
  await db.user.createMany({ data: users });
  await db.membership.createMany({
    data: users.map((u, i) => ({
      workspaceId: ws.id,
      userId: u.id,
      role,
      createdAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 2) * 60_000),
    })),
  });
}

const ROLE_ORDER: Role[] = ["owner", "coach", "interviewer", "candidate"];

describe("members pages", () => {
  it("pages through every member without gaps or repeats, by role then joining, and finds by name, email and role", async () => {
    const ws = await createWorkspaceWithRoles("member-pages");
    await members(ws, 23, "interviewer", "Ada Interviewer");
    await members(ws, 14, "candidate", "Grace Candidate");
    const stored = await db.membership.findMany({ where: { workspaceId: ws.id }, select: { id: true } });
    expect(stored).toHaveLength(41);
    const coach = ws.members.coach.caller;
    const list = (extra: object) => (cursor: string | undefined) =>
      coach.member.page({ workspaceId: ws.id, limit: 10, cursor, ...extra });

    const all = await walkPages(list({}));
    expect(all.pages.map((p) => p.length)).toEqual([10, 10, 10, 10, 1]);
    expect(all.items.map((m) => m.id).sort()).toEqual(stored.map((m) => m.id).sort());
    // By role, then by who joined first, then by id: the same order the database gives for the whole list.
    const expected = await db.membership.findMany({
      where: { workspaceId: ws.id },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, role: true },
    });
    expect(all.items.map((m) => m.id)).toEqual(expected.map((m) => m.id));
    const roles = all.items.map((m) => ROLE_ORDER.indexOf(m.role));
    expect(roles).toEqual([...roles].sort((a, b) => a - b));
    // The same walk again gives the same order (ties broken by id, not by chance).
    expect((await walkPages(list({}))).items.map((m) => m.id)).toEqual(all.items.map((m) => m.id));

    const first = await coach.member.page({ workspaceId: ws.id, limit: 10 });
    expect(first.total).toBe(41);
    expect(first.items.filter((m) => m.isYou).map((m) => m.id)).toEqual([ws.members.coach.memberId]);
    // Later pages do not count again.
    expect((await coach.member.page({ workspaceId: ws.id, limit: 10, cursor: first.nextCursor! })).total).toBeNull();

    const interviewers = await walkPages(list({ role: "interviewer" }));
    expect(interviewers.items).toHaveLength(24);
    expect(interviewers.items.every((m) => m.role === "interviewer")).toBe(true);
    expect((await coach.member.page({ workspaceId: ws.id, role: "interviewer" })).total).toBe(24);

    // By name, case-insensitively, with the role filter on top.
    const grace = await coach.member.page({ workspaceId: ws.id, search: "GRACE cand" });
    expect(grace.total).toBe(14);
    expect(grace.items.every((m) => m.name?.startsWith("Grace Candidate"))).toBe(true);
    expect((await coach.member.page({ workspaceId: ws.id, search: "grace", role: "interviewer" })).total).toBe(0);
    // By email.
    const byEmail = await coach.member.page({ workspaceId: ws.id, search: "ada-interviewer-7-" });
    expect(byEmail.items.map((m) => m.name)).toEqual(["Ada Interviewer 7"]);
    expect(byEmail.nextCursor).toBeNull();
    const mine = await coach.member.page({ workspaceId: ws.id, search: ws.members.owner.actor.email! });
    expect(mine.items.map((m) => m.id)).toEqual([ws.members.owner.memberId]);
    // Wildcards are searched for literally.
    expect((await coach.member.page({ workspaceId: ws.id, search: "%" })).total).toBe(0);
    expect((await coach.member.page({ workspaceId: ws.id, search: "Ada_Interviewer" })).total).toBe(0);
  });

  it("never lists another workspace's members, whatever the cursor", async () => {
    const a = await createWorkspaceWithRoles("member-pages-a");
    const b = await createWorkspaceWithRoles("member-pages-b");
    await members(b, 5, "interviewer", "Other");
    const bIds = new Set((await db.membership.findMany({ where: { workspaceId: b.id } })).map((m) => m.id));
    const caller = a.members.owner.caller;
    // B's member as the cursor: nothing of B's, and no error.
    const [bMember] = [...bIds];
    const page = await caller.member.page({ workspaceId: a.id, cursor: bMember });
    expect(page.items.filter((m) => bIds.has(m.id))).toEqual([]);
    const found = await caller.member.page({ workspaceId: a.id, search: "Other" });
    expect(found.items).toEqual([]);
    expect(found.total).toBe(0);
    // And B's workspace id answers NOT_FOUND to A's members.
    expect(await outcome(caller.member.page({ workspaceId: b.id }))).toBe("NOT_FOUND");
  });

  it("answers a page in the same number of statements for 4 members and for 60", async () => {
    const small = await createWorkspaceWithRoles("member-small");
    const large = await createWorkspaceWithRoles("member-large");
    await members(large, 56, "candidate", "Many");
    const count = async (ws: TestWorkspace, input: object = {}) =>
      (
        await sqlStatements(() =>
          ws.members.owner.caller.member.page({ workspaceId: ws.id, limit: PAGE_SIZE, ...input }),
        )
      ).length;
    const a = await count(small);
    expect(a).toBeGreaterThan(0);
    expect(await count(large)).toBe(a);
    expect(await count(large, { search: "many", role: "candidate" })).toBe(a);
  });
});
