// The email delivery list is paginated, filtered and sorted in the query: pages follow one another without
// gaps or repeats (messages of the same instant ordered by id), the first page carries the count per
// status, and the statements per call do not grow with the messages.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PAGE_SIZE } from "@/schemas/values";
import { createWorkspaceWithRoles, db } from "@/test/factories";
import { walkPages } from "@/test/paging";
import { sqlStatements } from "@/test/statements";

/** `n` messages to `to` in `status`, two per instant, a minute apart from `from`. */
async function messages(workspaceId: string, n: number, to: string, status: "sent" | "dead" | "pending", from: Date) {
  await db.emailOutbox.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      workspaceId,
      template: "test",
      to,
      subject: `Message ${i}`,
      html: "<p>x</p>",
      text: "x",
      idempotencyKey: randomUUID(),
      status,
      createdAt: new Date(from.getTime() + Math.floor(i / 2) * 60_000),
    })),
  });
}

describe("email delivery pages", () => {
  it("pages through every message without gaps or repeats, by status and recipient, newest or oldest first", async () => {
    const ws = await createWorkspaceWithRoles("email-pages");
    const owner = ws.members.owner.caller;
    await messages(ws.id, 24, "ada@example.test", "sent", new Date("2026-01-01T00:00:00Z"));
    await messages(ws.id, 9, "grace@example.test", "dead", new Date("2026-02-01T00:00:00Z"));
    await messages(ws.id, 4, "ada@example.test", "pending", new Date("2026-03-01T00:00:00Z"));
    const stored = await db.emailOutbox.findMany({ where: { workspaceId: ws.id }, select: { id: true } });
    const list = (extra: object) => (cursor: string | undefined) =>
      owner.email.list({ workspaceId: ws.id, limit: 10, cursor, ...extra });

    const newest = await walkPages(list({}));
    expect(newest.pages.length).toBe(Math.ceil(stored.length / 10));
    expect(new Set(newest.items.map((m) => m.id)).size).toBe(stored.length);
    expect(newest.items.map((m) => m.id).sort()).toEqual(stored.map((m) => m.id).sort());
    const key = (m: { createdAt: Date; id: string }) => `${m.createdAt.toISOString()}|${m.id}`;
    expect(newest.items.map(key)).toEqual(newest.items.map(key).sort().reverse());
    const oldest = await walkPages(list({ sort: "oldest" }));
    expect(oldest.items.map((m) => m.id)).toEqual(newest.items.map((m) => m.id).reverse());

    const first = await owner.email.list({ workspaceId: ws.id, limit: 10 });
    expect(first.counts).toEqual({ total: stored.length, byStatus: { pending: 4, sending: 0, sent: 24, dead: 9 } });
    // Later pages do not count again.
    expect((await owner.email.list({ workspaceId: ws.id, limit: 10, cursor: first.nextCursor! })).counts).toBeNull();

    const failed = await walkPages(list({ status: "dead" }));
    expect(failed.items).toHaveLength(9);
    expect(failed.items.every((m) => m.status === "dead" && m.to === "grace@example.test")).toBe(true);
    const ada = await owner.email.list({ workspaceId: ws.id, limit: 10, to: "ADA@" });
    expect(ada.counts).toEqual({ total: 28, byStatus: { pending: 4, sending: 0, sent: 24, dead: 0 } });
    expect((await walkPages(list({ to: "ada@" }))).items.every((m) => m.to === "ada@example.test")).toBe(true);
    expect((await owner.email.list({ workspaceId: ws.id, to: "_" })).items).toHaveLength(0);
    const adaPending = await owner.email.list({ workspaceId: ws.id, to: "ada", status: "pending" });
    expect(adaPending.counts?.total).toBe(4);
    expect(adaPending.items).toHaveLength(4);
    expect(adaPending.nextCursor).toBeNull();
  });

  it("answers a page in the same number of statements for 2 messages and for 40", async () => {
    const small = await createWorkspaceWithRoles("email-small");
    const large = await createWorkspaceWithRoles("email-large");
    await messages(small.id, 2, "a@example.test", "sent", new Date("2026-01-01T00:00:00Z"));
    await messages(large.id, 40, "a@example.test", "sent", new Date("2026-01-01T00:00:00Z"));
    const count = async (ws: typeof small) =>
      (await sqlStatements(() => ws.members.owner.caller.email.list({ workspaceId: ws.id, limit: PAGE_SIZE }))).length;
    const a = await count(small);
    expect(a).toBeGreaterThan(0);
    expect(await count(large)).toBe(a);
  });
});
