// Rubrics and their versions. A draft is edited in place; publishing makes it immutable (the database
// refuses changes to published versions); editing a published rubric starts a new draft version.
import { diffRubricVersions, type RedFlagValues, type SignalValues } from "@/domain/rubric-diff";
import { findInputProblem, isSafeText, MAX_INPUT_DEPTH } from "@/domain/text";
import { RubricFile, type RubricFile as RubricFileT } from "@/schemas/library";
import { AppError, notFound } from "@/server/errors";
import { recordAudit } from "./audit";
import { uniqueKey } from "./keys";
import { signalColumns } from "./signal-columns";
import { inTransaction, type Scope, type Tx } from "./scope";

type SignalRow = {
  id: string;
  key: string;
  dimensionKey: string;
  title: string;
  description: string;
  anchor1: string;
  anchor2: string;
  anchor3: string;
  anchor4: string;
  weightEntry: number;
  weightMid: number;
  weightSenior: number;
  order: number;
};

export function presentSignal(s: SignalRow) {
  return {
    id: s.id,
    key: s.key,
    dimensionKey: s.dimensionKey,
    title: s.title,
    description: s.description,
    anchors: [s.anchor1, s.anchor2, s.anchor3, s.anchor4] as [string, string, string, string],
    weights: { entry: s.weightEntry, mid: s.weightMid, senior: s.weightSenior },
    order: s.order,
  };
}

async function findRubric(db: Tx, scope: Scope, rubricId: string) {
  const rubric = await db.rubric.findFirst({
    where: { id: rubricId, workspaceId: scope.workspaceId },
    include: { roundType: { select: { id: true, key: true, name: true } } },
  });
  if (!rubric) throw notFound("That rubric");
  return rubric;
}

async function loadVersion(db: Tx, scope: Scope, rubricId: string, version?: number) {
  const v = await db.rubricVersion.findFirst({
    where: { workspaceId: scope.workspaceId, rubricId, ...(version ? { version } : {}) },
    orderBy: { version: "desc" },
    include: { signals: { orderBy: { order: "asc" } }, redFlags: { orderBy: { order: "asc" } } },
  });
  if (!v) throw notFound(version ? `Version ${version} of that rubric` : "A version of that rubric");
  return v;
}

/** A rubric with its version history and one version in full (the latest unless `version` is given). */
export async function getRubric(db: Tx, scope: Scope, input: { rubricId: string; version?: number }) {
  const rubric = await findRubric(db, scope, input.rubricId);
  const [versions, current, dimensions] = await Promise.all([
    db.rubricVersion.findMany({
      where: { workspaceId: scope.workspaceId, rubricId: rubric.id },
      orderBy: { version: "desc" },
      select: { id: true, version: true, status: true, changeSummary: true, publishedAt: true, createdAt: true },
    }),
    loadVersion(db, scope, rubric.id, input.version),
    db.dimension.findMany({
      where: { workspaceId: scope.workspaceId },
      orderBy: { order: "asc" },
      select: { key: true, name: true },
    }),
  ]);
  return {
    id: rubric.id,
    name: rubric.name,
    archived: !!rubric.archivedAt,
    roundType: rubric.roundType,
    dimensions,
    versions,
    latestVersion: versions[0]?.version ?? 1,
    version: {
      id: current.id,
      version: current.version,
      status: current.status,
      changeSummary: current.changeSummary,
      publishedAt: current.publishedAt,
      signals: current.signals.map(presentSignal),
      redFlags: current.redFlags.map((f) => ({ id: f.id, key: f.key, title: f.title, description: f.description })),
    },
  };
}

/** The rubric's latest version, which must be a draft to be edited. */
async function editableDraft(tx: Tx, scope: Scope, rubricId: string) {
  const rubric = await findRubric(tx, scope, rubricId);
  if (rubric.archivedAt) throw new AppError("CONFLICT", "This rubric is archived. Restore it before editing.");
  // Lock the rubric row: concurrent edits of one draft are applied one after the other.
  await tx.$queryRaw`SELECT "id" FROM "rubrics" WHERE "id" = ${rubric.id} FOR UPDATE`;
  const latest = await loadVersion(tx, scope, rubric.id);
  if (latest.status !== "draft") {
    throw new AppError(
      "CONFLICT",
      `Version ${latest.version} is published and can no longer change. Start a new version to edit the rubric.`,
    );
  }
  return { rubric, draft: latest };
}

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

async function checkDimension(tx: Tx, workspaceId: string, key: string) {
  const exists = await tx.dimension.findFirst({ where: { workspaceId, key }, select: { id: true } });
  if (!exists) throw new AppError("BAD_REQUEST", `Unknown dimension "${key}".`);
}

export async function saveSignal(
  db: Tx,
  scope: Scope,
  input: {
    rubricId: string;
    signalId?: string;
    dimensionKey: string;
    title: string;
    description: string;
    anchors: Record<"1" | "2" | "3" | "4", string>;
    weights: { entry: number; mid: number; senior: number };
  },
) {
  return inTransaction(db, async (tx) => {
    const { draft } = await editableDraft(tx, scope, input.rubricId);
    await checkDimension(tx, scope.workspaceId, input.dimensionKey);
    const fields = signalColumns(input);
    if (input.signalId) {
      const existing = draft.signals.find((s) => s.id === input.signalId);
      if (!existing) throw notFound("That signal in the current draft");
      return presentSignal(await tx.signal.update({ where: { id: existing.id }, data: fields }));
    }
    const created = await tx.signal.create({
      data: {
        ...fields,
        workspaceId: scope.workspaceId,
        rubricVersionId: draft.id,
        key: uniqueKey(
          input.title,
          draft.signals.map((s) => s.key),
        ),
        order: (draft.signals.at(-1)?.order ?? -1) + 1,
      },
    });
    return presentSignal(created);
  });
}

export async function removeSignal(db: Tx, scope: Scope, input: { rubricId: string; signalId: string }) {
  return inTransaction(db, async (tx) => {
    const { draft } = await editableDraft(tx, scope, input.rubricId);
    const signal = draft.signals.find((s) => s.id === input.signalId);
    if (!signal) throw notFound("That signal in the current draft");
    await tx.signal.delete({ where: { id: signal.id } });
    return { id: signal.id };
  });
}

/** Moves a signal one place up or down (keyboard-friendly reordering). */
export async function moveSignal(
  db: Tx,
  scope: Scope,
  input: { rubricId: string; signalId: string; direction: "up" | "down" },
) {
  return inTransaction(db, async (tx) => {
    const { draft } = await editableDraft(tx, scope, input.rubricId);
    const index = draft.signals.findIndex((s) => s.id === input.signalId);
    if (index < 0) throw notFound("That signal in the current draft");
    const other = draft.signals[input.direction === "up" ? index - 1 : index + 1];
    const signal = draft.signals[index]!;
    if (!other) return { moved: false };
    await tx.signal.update({ where: { id: signal.id }, data: { order: other.order } });
    await tx.signal.update({ where: { id: other.id }, data: { order: signal.order } });
    return { moved: true };
  });
}

export async function saveRedFlag(
  db: Tx,
  scope: Scope,
  input: { rubricId: string; redFlagId?: string; title: string; description: string },
) {
  return inTransaction(db, async (tx) => {
    const { draft } = await editableDraft(tx, scope, input.rubricId);
    if (input.redFlagId) {
      const existing = draft.redFlags.find((f) => f.id === input.redFlagId);
      if (!existing) throw notFound("That red flag in the current draft");
      const f = await tx.rubricRedFlag.update({
        where: { id: existing.id },
        data: { title: input.title, description: input.description },
      });
      return { id: f.id, key: f.key, title: f.title, description: f.description };
    }
    const f = await tx.rubricRedFlag.create({
      data: {
        workspaceId: scope.workspaceId,
        rubricVersionId: draft.id,
        key: uniqueKey(
          input.title,
          draft.redFlags.map((r) => r.key),
        ),
        title: input.title,
        description: input.description,
        order: (draft.redFlags.at(-1)?.order ?? -1) + 1,
      },
    });
    return { id: f.id, key: f.key, title: f.title, description: f.description };
  });
}

export async function removeRedFlag(db: Tx, scope: Scope, input: { rubricId: string; redFlagId: string }) {
  return inTransaction(db, async (tx) => {
    const { draft } = await editableDraft(tx, scope, input.rubricId);
    const flag = draft.redFlags.find((f) => f.id === input.redFlagId);
    if (!flag) throw notFound("That red flag in the current draft");
    await tx.rubricRedFlag.delete({ where: { id: flag.id } });
    return { id: flag.id };
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

export async function exportRubric(
  db: Tx,
  scope: Scope,
  input: { rubricId: string; version?: number },
): Promise<RubricFileT> {
  const rubric = await findRubric(db, scope, input.rubricId);
  const v = await loadVersion(db, scope, rubric.id, input.version);
  return {
    format: "loopwise.rubric",
    formatVersion: 1,
    name: rubric.name,
    roundType: { key: rubric.roundType.key, name: rubric.roundType.name },
    signals: v.signals.map((s) => ({
      key: s.key,
      dimension: s.dimensionKey,
      title: s.title,
      description: s.description,
      anchors: { "1": s.anchor1, "2": s.anchor2, "3": s.anchor3, "4": s.anchor4 },
      weights: { entry: s.weightEntry, mid: s.weightMid, senior: s.weightSenior },
    })),
    redFlags: v.redFlags.map((f) => ({ key: f.key, title: f.title, description: f.description })),
  };
}

/** Reads a rubric file: every problem is reported with where it is; nothing is written unless all pass. */
export function parseRubricFile(text: string): RubricFileT {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError("BAD_REQUEST", `The file is not valid JSON: ${(err as Error).message}`);
  }
  // The request's own hygiene saw one string; the text inside it gets the same rule (a "\u0000" in a
  // title reached the database and answered 500).
  const found = findInputProblem(json);
  if (found) {
    const where =
      found.path.map((p) => (typeof p === "string" && !isSafeText(p) ? "(a key)" : String(p))).join(".") || "(file)";
    const what =
      found.problem === "too-deep"
        ? `nested more than ${MAX_INPUT_DEPTH} levels deep`
        : "a character that is not allowed (a NUL byte or a broken Unicode character); remove it";
    throw new AppError("BAD_REQUEST", `The rubric file has problems: ${where}: ${what}`);
  }
  const parsed = RubricFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 10)
      .map((i) => `${i.path.length ? i.path.join(".") : "(file)"}: ${i.message}`);
    const more = parsed.error.issues.length > 10 ? ` (and ${parsed.error.issues.length - 10} more)` : "";
    throw new AppError("BAD_REQUEST", `The rubric file has problems: ${problems.join("; ")}${more}`);
  }
  const dupes = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);
  const dupSignals = dupes(parsed.data.signals.map((s) => s.key));
  if (dupSignals.length)
    throw new AppError("BAD_REQUEST", `The rubric file has problems: signals: duplicate key ${dupSignals.join(", ")}`);
  const dupFlags = dupes(parsed.data.redFlags.map((f) => f.key));
  if (dupFlags.length)
    throw new AppError("BAD_REQUEST", `The rubric file has problems: redFlags: duplicate key ${dupFlags.join(", ")}`);
  return parsed.data;
}

export async function importRubric(db: Tx, scope: Scope, input: { file: string }) {
  const file = parseRubricFile(input.file);
  return inTransaction(db, async (tx) => {
    const rt = await tx.roundType.findFirst({ where: { workspaceId: scope.workspaceId, key: file.roundType.key } });
    if (!rt)
      throw new AppError(
        "BAD_REQUEST",
        `The rubric file has problems: roundType.key: this workspace has no round type "${file.roundType.key}". Create it first.`,
      );
    const known = new Set(
      (await tx.dimension.findMany({ where: { workspaceId: scope.workspaceId }, select: { key: true } })).map(
        (d) => d.key,
      ),
    );
    const unknown = file.signals.map((s, i) => [i, s.dimension] as const).filter(([, d]) => !known.has(d));
    if (unknown.length) {
      throw new AppError(
        "BAD_REQUEST",
        `The rubric file has problems: ${unknown.map(([i, d]) => `signals.${i}.dimension: unknown dimension "${d}"`).join("; ")}`,
      );
    }
    const rubric = await tx.rubric.create({
      data: { workspaceId: scope.workspaceId, roundTypeId: rt.id, name: file.name },
    });
    const draft = await tx.rubricVersion.create({
      data: { workspaceId: scope.workspaceId, rubricId: rubric.id, version: 1 },
    });
    await tx.signal.createMany({
      data: file.signals.map((s, order) => ({
        ...signalColumns({ ...s, dimensionKey: s.dimension }),
        workspaceId: scope.workspaceId,
        rubricVersionId: draft.id,
        key: s.key,
        order,
      })),
    });
    await tx.rubricRedFlag.createMany({
      data: file.redFlags.map((f, order) => ({
        workspaceId: scope.workspaceId,
        rubricVersionId: draft.id,
        key: f.key,
        title: f.title,
        description: f.description,
        order,
      })),
    });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "rubric.imported",
      targetType: "rubric",
      targetId: rubric.id,
      data: { name: rubric.name, signals: file.signals.length },
    });
    return { id: rubric.id, name: rubric.name };
  });
}
