// The rubric library: seeding a workspace from the documented signals, and round types.
import { LIBRARY_DATA } from "@seed/library-data";
import { LibrarySeed } from "@/schemas/library";
import { AppError, notFound } from "@/server/errors";
import { recordAudit } from "./audit";
import { seedLoopTemplates } from "./loop/templates";
import { uniqueKey } from "./keys";
import { signalColumns } from "./signal-columns";
import { inTransaction, type Scope, type Tx } from "./scope";

let parsed: LibrarySeed | undefined;

/** The seed, validated against its schema on first use: a broken seed fails loudly, not silently. */
export function librarySeed(): LibrarySeed {
  parsed ??= LibrarySeed.parse(LIBRARY_DATA);
  return parsed;
}

export const SEED_CHANGE_SUMMARY = "Initial version, written from the documented interview signals.";

/** Gives a new workspace the seeded library: dimensions, round types, published rubrics, questions. */
export async function seedLibrary(tx: Tx, workspaceId: string, actorId: string | null, now = new Date()) {
  const lib = librarySeed();
  await tx.dimension.createMany({
    data: lib.dimensions.map((d, order) => ({
      workspaceId,
      key: d.key,
      name: d.name,
      description: d.description,
      order,
    })),
  });
  const roundTypes = await tx.roundType.createManyAndReturn({
    data: lib.roundTypes.map((rt, order) => ({
      workspaceId,
      key: rt.key,
      name: rt.name,
      description: rt.description,
      defaultDurationMin: rt.defaultDurationMin,
      timingGuide: rt.timingGuide,
      dimensionKeys: rt.dimensions,
      order,
    })),
    select: { id: true, key: true, name: true },
  });
  const roundTypeId = new Map(roundTypes.map((r) => [r.key, r.id]));
  const rubrics = await tx.rubric.createManyAndReturn({
    data: roundTypes.map((rt) => ({ workspaceId, roundTypeId: rt.id, name: `${rt.name} rubric` })),
    select: { id: true, roundTypeId: true },
  });
  const versions = await tx.rubricVersion.createManyAndReturn({
    data: rubrics.map((r) => ({ workspaceId, rubricId: r.id, version: 1 })),
    select: { id: true, rubricId: true },
  });
  const versionOfRoundType = new Map(
    rubrics.map((r) => [r.roundTypeId, versions.find((v) => v.rubricId === r.id)!.id]),
  );
  await tx.signal.createMany({
    data: lib.roundTypes.flatMap((rt) =>
      rt.signals.map((s, order) => ({
        ...signalColumns({ ...s, dimensionKey: s.dimension }),
        workspaceId,
        rubricVersionId: versionOfRoundType.get(roundTypeId.get(rt.key)!)!,
        key: s.key,
        order,
      })),
    ),
  });
  await tx.rubricRedFlag.createMany({
    data: lib.roundTypes.flatMap((rt) =>
      lib.redFlags
        .filter((f) => f.roundTypes.includes(rt.key))
        .map((f, order) => ({
          workspaceId,
          rubricVersionId: versionOfRoundType.get(roundTypeId.get(rt.key)!)!,
          key: f.key,
          title: f.title,
          description: f.description,
          order,
        })),
    ),
  });
  await tx.rubricVersion.updateMany({
    where: { workspaceId, id: { in: versions.map((v) => v.id) } },
    data: { status: "published", publishedAt: now, publishedById: actorId, changeSummary: SEED_CHANGE_SUMMARY },
  });
  await seedLoopTemplates(tx, workspaceId);
  await tx.question.createMany({
    data: lib.questions.map((q) => ({
      workspaceId,
      roundTypeId: roundTypeId.get(q.roundType)!,
      title: q.title,
      prompt: q.prompt,
      probes: q.probes,
      followUps: q.followUps,
      signalKeys: q.signals,
      levels: q.levels,
      difficulty: q.difficulty,
      guidePrompt: q.guidePrompt ?? null,
    })),
  });
}

export async function listLibrary(db: Tx, scope: Scope, input: { includeArchived: boolean }) {
  const [dimensions, roundTypes] = await Promise.all([
    db.dimension.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: { order: "asc" } }),
    db.roundType.findMany({
      where: { workspaceId: scope.workspaceId, ...(input.includeArchived ? {} : { archivedAt: null }) },
      orderBy: [{ order: "asc" }, { createdAt: "asc" }],
      include: {
        _count: { select: { questions: { where: { archivedAt: null } } } },
        rubrics: {
          where: input.includeArchived ? {} : { archivedAt: null },
          orderBy: { createdAt: "asc" },
          include: {
            versions: {
              orderBy: { version: "desc" },
              take: 1,
              select: { version: true, status: true, publishedAt: true, _count: { select: { signals: true } } },
            },
          },
        },
      },
    }),
  ]);
  return {
    dimensions: dimensions.map((d) => ({ key: d.key, name: d.name, description: d.description })),
    roundTypes: roundTypes.map((rt) => ({
      id: rt.id,
      key: rt.key,
      name: rt.name,
      description: rt.description,
      defaultDurationMin: rt.defaultDurationMin,
      dimensionKeys: rt.dimensionKeys,
      archived: !!rt.archivedAt,
      questionCount: rt._count.questions,
      rubrics: rt.rubrics.map((r) => ({
        id: r.id,
        name: r.name,
        archived: !!r.archivedAt,
        latest: r.versions[0]
          ? {
              version: r.versions[0].version,
              status: r.versions[0].status,
              publishedAt: r.versions[0].publishedAt,
              signalCount: r.versions[0]._count.signals,
            }
          : null,
      })),
    })),
  };
}

async function checkDimensions(db: Tx, workspaceId: string, keys: string[]) {
  const known = new Set(
    (await db.dimension.findMany({ where: { workspaceId }, select: { key: true } })).map((d) => d.key),
  );
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length)
    throw new AppError(
      "BAD_REQUEST",
      `Unknown dimension: ${unknown.join(", ")}. Choose from ${[...known].join(", ")}.`,
    );
}

export async function createRoundType(
  db: Tx,
  scope: Scope,
  input: { name: string; description: string; defaultDurationMin: number; dimensionKeys: string[] },
) {
  return inTransaction(db, async (tx) => {
    await checkDimensions(tx, scope.workspaceId, input.dimensionKeys);
    const existing = await tx.roundType.findMany({ where: { workspaceId: scope.workspaceId }, select: { key: true } });
    const rt = await tx.roundType.create({
      data: {
        workspaceId: scope.workspaceId,
        key: uniqueKey(
          input.name,
          existing.map((e) => e.key),
        ),
        name: input.name,
        description: input.description,
        defaultDurationMin: input.defaultDurationMin,
        dimensionKeys: input.dimensionKeys,
        timingGuide: [{ minutes: input.defaultDurationMin, activity: "Interview" }],
        order: existing.length,
      },
    });
    // Every round type starts with an empty draft rubric to fill in.
    const rubric = await tx.rubric.create({
      data: { workspaceId: scope.workspaceId, roundTypeId: rt.id, name: `${rt.name} rubric` },
    });
    await tx.rubricVersion.create({ data: { workspaceId: scope.workspaceId, rubricId: rubric.id, version: 1 } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "round_type.created",
      targetType: "round_type",
      targetId: rt.id,
      data: { name: rt.name },
    });
    return { id: rt.id, key: rt.key, name: rt.name, rubricId: rubric.id };
  });
}

async function findRoundType(db: Tx, scope: Scope, roundTypeId: string) {
  const rt = await db.roundType.findFirst({ where: { id: roundTypeId, workspaceId: scope.workspaceId } });
  if (!rt) throw notFound("That round type");
  return rt;
}

export async function updateRoundType(
  db: Tx,
  scope: Scope,
  input: {
    roundTypeId: string;
    name?: string;
    description?: string;
    defaultDurationMin?: number;
    dimensionKeys?: string[];
  },
) {
  return inTransaction(db, async (tx) => {
    const rt = await findRoundType(tx, scope, input.roundTypeId);
    if (input.dimensionKeys) await checkDimensions(tx, scope.workspaceId, input.dimensionKeys);
    const updated = await tx.roundType.update({
      where: { id: rt.id },
      data: {
        name: input.name,
        description: input.description,
        defaultDurationMin: input.defaultDurationMin,
        dimensionKeys: input.dimensionKeys,
      },
      select: { id: true, key: true, name: true, description: true, defaultDurationMin: true, dimensionKeys: true },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "round_type.updated",
      targetType: "round_type",
      targetId: rt.id,
      data: { name: updated.name },
    });
    return updated;
  });
}

export async function archiveRoundType(db: Tx, scope: Scope, input: { roundTypeId: string; archived: boolean }) {
  return inTransaction(db, async (tx) => {
    const rt = await findRoundType(tx, scope, input.roundTypeId);
    await tx.roundType.update({ where: { id: rt.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: input.archived ? "round_type.archived" : "round_type.restored",
      targetType: "round_type",
      targetId: rt.id,
      data: { name: rt.name },
    });
    return { id: rt.id, archived: input.archived };
  });
}

/**
 * A new round type with the same settings, and a draft copy (version 1) of each of its rubrics' latest
 * version, to adapt without touching the original.
 */
export async function copyRoundType(db: Tx, scope: Scope, input: { roundTypeId: string; name?: string }) {
  return inTransaction(db, async (tx) => {
    const source = await findRoundType(tx, scope, input.roundTypeId);
    const existing = await tx.roundType.findMany({ where: { workspaceId: scope.workspaceId }, select: { key: true } });
    const name = input.name ?? `Copy of ${source.name}`;
    const rt = await tx.roundType.create({
      data: {
        workspaceId: scope.workspaceId,
        key: uniqueKey(
          name,
          existing.map((e) => e.key),
        ),
        name,
        description: source.description,
        defaultDurationMin: source.defaultDurationMin,
        timingGuide: source.timingGuide ?? [],
        dimensionKeys: source.dimensionKeys,
        order: existing.length,
      },
    });
    const rubrics = await tx.rubric.findMany({
      where: { workspaceId: scope.workspaceId, roundTypeId: source.id, archivedAt: null },
      include: { versions: { orderBy: { version: "desc" }, take: 1, include: { signals: true, redFlags: true } } },
    });
    for (const r of rubrics) {
      const latest = r.versions[0];
      const copy = await tx.rubric.create({
        data: { workspaceId: scope.workspaceId, roundTypeId: rt.id, name: r.name.replace(source.name, name) },
      });
      const draft = await tx.rubricVersion.create({
        data: { workspaceId: scope.workspaceId, rubricId: copy.id, version: 1 },
      });
      if (!latest) continue;
      await tx.signal.createMany({
        data: latest.signals.map(({ id: _id, rubricVersionId: _v, ...sig }) => ({ ...sig, rubricVersionId: draft.id })),
      });
      await tx.rubricRedFlag.createMany({
        data: latest.redFlags.map(({ id: _id, rubricVersionId: _v, ...f }) => ({ ...f, rubricVersionId: draft.id })),
      });
    }
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "round_type.created",
      targetType: "round_type",
      targetId: rt.id,
      data: { name, copiedFrom: source.name },
    });
    return { id: rt.id, key: rt.key, name: rt.name };
  });
}

/** Workspaces created before the library existed get it once (run at start-up). */
export async function backfillLibraries(db: Tx): Promise<number> {
  const withoutTemplates = await db.workspace.findMany({
    where: { dimensions: { some: {} }, templates: { none: {} } },
    select: { id: true },
  });
  for (const ws of withoutTemplates) await seedLoopTemplates(db, ws.id);
  const bare = await db.workspace.findMany({ where: { dimensions: { none: {} } }, select: { id: true } });
  for (const ws of bare) {
    await inTransaction(db, async (tx) => {
      // Re-check inside the transaction, under a lock, so two booting processes seed once.
      await tx.$queryRaw`SELECT "id" FROM "workspaces" WHERE "id" = ${ws.id} FOR UPDATE`;
      if ((await tx.dimension.count({ where: { workspaceId: ws.id } })) === 0) await seedLibrary(tx, ws.id, null);
    });
  }
  return bare.length;
}
