// Rubrics and their versions. A draft is edited in place (./content.ts); publishing makes it immutable (the
// database refuses changes to published versions); editing a published rubric starts a new draft version.
import { diffRubricVersions, type RedFlagValues, type SignalValues } from "@/domain/rubric-diff";
import { AppError, notFound } from "@/server/errors";
import { recordAudit } from "../audit";
import { inTransaction, type Scope, type Tx } from "../scope";
import { findRubric, loadVersion, presentSignal } from "./read";
import { editableDraft } from "./content";

async function copyVersionContent(tx: Tx, workspaceId: string, fromVersionId: string, toVersionId: string) {
  const [signals, flags] = await Promise.all([
    tx.signal.findMany({ where: { workspaceId, rubricVersionId: fromVersionId }, orderBy: { order: "asc" } }),
    tx.rubricRedFlag.findMany({ where: { workspaceId, rubricVersionId: fromVersionId }, orderBy: { order: "asc" } }),
  ]);
  await tx.signal.createMany({
    data: signals.map(({ id: _id, rubricVersionId: _v, ...s }) => ({ ...s, rubricVersionId: toVersionId })),
  });
  await tx.rubricRedFlag.createMany({
    data: flags.map(({ id: _id, rubricVersionId: _v, ...f }) => ({ ...f, rubricVersionId: toVersionId })),
  });
}

/** Starts the next version as a draft copy of the latest published one (or returns the open draft). */
export async function startDraft(db: Tx, scope: Scope, input: { rubricId: string }) {
  return inTransaction(db, async (tx) => {
    const rubric = await findRubric(tx, scope, input.rubricId);
    await tx.$queryRaw`SELECT "id" FROM "rubrics" WHERE "id" = ${rubric.id} FOR UPDATE`;
    const latest = await loadVersion(tx, scope, rubric.id);
    if (latest.status === "draft") return { version: latest.version, created: false };
    const draft = await tx.rubricVersion.create({
      data: { workspaceId: scope.workspaceId, rubricId: rubric.id, version: latest.version + 1 },
    });
    await copyVersionContent(tx, scope.workspaceId, latest.id, draft.id);
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "rubric.draft_started",
      targetType: "rubric",
      targetId: rubric.id,
      data: { name: rubric.name, version: draft.version },
    });
    return { version: draft.version, created: true };
  });
}

export async function createRubric(db: Tx, scope: Scope, input: { roundTypeId: string; name: string }) {
  return inTransaction(db, async (tx) => {
    const rt = await tx.roundType.findFirst({ where: { id: input.roundTypeId, workspaceId: scope.workspaceId } });
    if (!rt) throw notFound("That round type");
    const rubric = await tx.rubric.create({
      data: { workspaceId: scope.workspaceId, roundTypeId: rt.id, name: input.name },
    });
    await tx.rubricVersion.create({ data: { workspaceId: scope.workspaceId, rubricId: rubric.id, version: 1 } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "rubric.created",
      targetType: "rubric",
      targetId: rubric.id,
      data: { name: rubric.name },
    });
    return { id: rubric.id, name: rubric.name };
  });
}

/** A new rubric for the same round type whose draft v1 holds the source's latest content. */
export async function copyRubric(db: Tx, scope: Scope, input: { rubricId: string; name?: string }) {
  return inTransaction(db, async (tx) => {
    const source = await findRubric(tx, scope, input.rubricId);
    const latest = await loadVersion(tx, scope, source.id);
    const rubric = await tx.rubric.create({
      data: {
        workspaceId: scope.workspaceId,
        roundTypeId: source.roundTypeId,
        name: input.name ?? `Copy of ${source.name}`,
      },
    });
    const draft = await tx.rubricVersion.create({
      data: { workspaceId: scope.workspaceId, rubricId: rubric.id, version: 1 },
    });
    await copyVersionContent(tx, scope.workspaceId, latest.id, draft.id);
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "rubric.copied",
      targetType: "rubric",
      targetId: rubric.id,
      data: { from: source.name, fromVersion: latest.version, name: rubric.name },
    });
    return { id: rubric.id, name: rubric.name };
  });
}

export async function archiveRubric(db: Tx, scope: Scope, input: { rubricId: string; archived: boolean }) {
  return inTransaction(db, async (tx) => {
    const rubric = await findRubric(tx, scope, input.rubricId);
    await tx.rubric.update({ where: { id: rubric.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: input.archived ? "rubric.archived" : "rubric.restored",
      targetType: "rubric",
      targetId: rubric.id,
      data: { name: rubric.name },
    });
    return { id: rubric.id, archived: input.archived };
  });
}

export async function publishRubric(
  db: Tx,
  scope: Scope,
  input: { rubricId: string; changeSummary: string },
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    const { rubric, draft } = await editableDraft(tx, scope, input.rubricId);
    if (draft.signals.length === 0) throw new AppError("BAD_REQUEST", "Add at least one signal before publishing.");
    await tx.rubricVersion.update({
      where: { id: draft.id },
      data: { status: "published", publishedAt: now, publishedById: scope.userId, changeSummary: input.changeSummary },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "rubric.published",
      targetType: "rubric",
      targetId: rubric.id,
      data: { name: rubric.name, version: draft.version, changeSummary: input.changeSummary },
    });
    return { version: draft.version };
  });
}

function values(v: Awaited<ReturnType<typeof loadVersion>>): { signals: SignalValues[]; redFlags: RedFlagValues[] } {
  return {
    signals: v.signals.map((s) => {
      const p = presentSignal(s);
      return {
        key: p.key,
        dimensionKey: p.dimensionKey,
        title: p.title,
        description: p.description,
        anchors: p.anchors,
        weights: p.weights,
      };
    }),
    redFlags: v.redFlags.map((f) => ({ key: f.key, title: f.title, description: f.description })),
  };
}

export async function compareRubricVersions(
  db: Tx,
  scope: Scope,
  input: { rubricId: string; from: number; to: number },
) {
  const rubric = await findRubric(db, scope, input.rubricId);
  const [a, b] = await Promise.all([
    loadVersion(db, scope, rubric.id, input.from),
    loadVersion(db, scope, rubric.id, input.to),
  ]);
  return {
    rubric: { id: rubric.id, name: rubric.name, roundType: rubric.roundType },
    from: { version: a.version, status: a.status, changeSummary: a.changeSummary, publishedAt: a.publishedAt },
    to: { version: b.version, status: b.status, changeSummary: b.changeSummary, publishedAt: b.publishedAt },
    diff: diffRubricVersions(values(a), values(b)),
  };
}
