import { describe, expect, it } from "vitest";
import { createWorkspaceWithRoles, db } from "@/test/factories";
import { backfillLibraries, librarySeed, SEED_CHANGE_SUMMARY } from "./library";

describe("a new workspace's library", () => {
  it("is seeded in full, with published version 1 rubrics", async () => {
    const ws = await createWorkspaceWithRoles("seeded");
    const lib = librarySeed();
    const signalCount = lib.roundTypes.reduce((n, r) => n + r.signals.length, 0);
    expect(await db.dimension.count({ where: { workspaceId: ws.id } })).toBe(lib.dimensions.length);
    expect(await db.roundType.count({ where: { workspaceId: ws.id } })).toBe(7);
    expect(await db.signal.count({ where: { workspaceId: ws.id } })).toBe(signalCount);
    expect(await db.question.count({ where: { workspaceId: ws.id } })).toBe(lib.questions.length);
    const versions = await db.rubricVersion.findMany({ where: { workspaceId: ws.id } });
    expect(versions).toHaveLength(7);
    expect(
      versions.every((v) => v.status === "published" && v.version === 1 && v.changeSummary === SEED_CHANGE_SUMMARY),
    ).toBe(true);
    // Each round type's rubric carries the red flags that apply to it.
    const codingFlags = await db.rubricRedFlag.count({
      where: { workspaceId: ws.id, version: { rubric: { roundType: { key: "coding" } } } },
    });
    expect(codingFlags).toBe(lib.redFlags.filter((f) => f.roundTypes.includes("coding")).length);
  });
});

describe("backfill", () => {
  it("seeds workspaces that predate the library, once, even when two processes boot together", async () => {
    const bare = await db.workspace.create({ data: { name: "Old workspace", slug: `old-${Date.now().toString(36)}` } });
    await Promise.all([backfillLibraries(db), backfillLibraries(db)]);
    expect(await db.roundType.count({ where: { workspaceId: bare.id } })).toBe(7);
    expect(await db.dimension.count({ where: { workspaceId: bare.id } })).toBe(librarySeed().dimensions.length);
    await backfillLibraries(db);
    expect(await db.roundType.count({ where: { workspaceId: bare.id } })).toBe(7);
  });
});
