// The question bank is paginated, filtered and sorted in the query: pages follow one another without gaps
// or repeats in each order (the id breaks ties), the first page carries the count and the signal keys for
// the filter, and the statements per call do not grow with the questions.
import { describe, expect, it } from "vitest";
import { PAGE_SIZE } from "@/schemas/values";
import { createWorkspaceWithRoles, db, type TestWorkspace } from "@/test/factories";
import { walkPages } from "@/test/paging";
import { sqlStatements } from "@/test/statements";

/** `n` questions on the first round type, half of them with the same title (so the id breaks ties). */
async function questions(ws: TestWorkspace, n: number, label: string) {
  const roundType = await db.roundType.findFirstOrThrow({ where: { workspaceId: ws.id }, orderBy: { order: "asc" } });
  await db.question.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      workspaceId: ws.id,
      roundTypeId: roundType.id,
      title: i % 2 ? `${label} twin` : `${label} ${String(i).padStart(2, "0")}`,
      prompt: "Prompt",
      probes: "Probes",
      signalKeys: [`${label.toLowerCase()}-signal`],
      levels: i % 3 ? ["mid" as const] : ["senior" as const],
      difficulty: "medium" as const,
    })),
  });
  return roundType;
}

describe("question bank pages", () => {
  it("pages through every question without gaps or repeats in each order, with filters, count and signal keys", async () => {
    const ws = await createWorkspaceWithRoles("bank-pages");
    const roundType = await questions(ws, 30, "Paged");
    const coach = ws.members.coach.caller;
    const live = await db.question.findMany({ where: { workspaceId: ws.id, archivedAt: null }, select: { id: true } });
    const list = (extra: object) => (cursor: string | undefined) =>
      coach.question.page({ workspaceId: ws.id, includeArchived: false, limit: 9, cursor, ...extra });

    for (const sort of ["roundType", "title", "newest"] as const) {
      const all = await walkPages(list({ sort }));
      expect(all.pages.length, sort).toBe(Math.ceil(live.length / 9));
      expect(all.items.map((q) => q.id).sort(), sort).toEqual(live.map((q) => q.id).sort());
    }
    const titles = (await walkPages(list({ sort: "title" }))).items.map((q) => q.title);
    expect(titles).toEqual([...titles].sort());

    const first = await coach.question.page({ workspaceId: ws.id, includeArchived: false, limit: 9 });
    expect(first.total).toBe(live.length);
    expect(first.signalKeys).toContain("paged-signal");
    const later = await coach.question.page({
      workspaceId: ws.id,
      includeArchived: false,
      limit: 9,
      cursor: first.nextCursor!,
    });
    expect(later.total).toBeNull();
    expect(later.signalKeys).toBeNull();

    const paged = await walkPages(list({ signalKey: "paged-signal", roundTypeId: roundType.id }));
    expect(paged.items).toHaveLength(30);
    const senior = await coach.question.page({
      workspaceId: ws.id,
      includeArchived: false,
      signalKey: "paged-signal",
      level: "senior",
    });
    expect(senior.total).toBe(10);
    expect(senior.items.every((q) => q.levels.includes("senior"))).toBe(true);
    const twins = await coach.question.page({ workspaceId: ws.id, includeArchived: false, search: "PAGED TWIN" });
    expect(twins.total).toBe(15);
    // Wildcards are searched for literally.
    expect((await coach.question.page({ workspaceId: ws.id, includeArchived: false, search: "%%%_" })).total).toBe(0);
    // The signal keys follow the round type filter only.
    const other = await db.roundType.findFirstOrThrow({
      where: { workspaceId: ws.id, id: { not: roundType.id } },
    });
    const otherKeys = await coach.question.page({ workspaceId: ws.id, includeArchived: false, roundTypeId: other.id });
    expect(otherKeys.signalKeys).not.toContain("paged-signal");
    expect(otherKeys.items.every((q) => q.roundType.id === other.id)).toBe(true);
  });

  it("answers a page in the same number of statements for 2 extra questions and for 40", async () => {
    const small = await createWorkspaceWithRoles("bank-small");
    const large = await createWorkspaceWithRoles("bank-large");
    await questions(small, 2, "Small");
    await questions(large, 40, "Large");
    const count = async (ws: TestWorkspace) =>
      (
        await sqlStatements(() =>
          ws.members.coach.caller.question.page({ workspaceId: ws.id, includeArchived: false, limit: PAGE_SIZE }),
        )
      ).length;
    const a = await count(small);
    expect(a).toBeGreaterThan(0);
    expect(await count(large)).toBe(a);
  });
});
