// Editing a draft version's content: its signals (with anchors and weights) and red flags. Only the latest
// version, while it is a draft, can change.
import { AppError, notFound } from "@/server/errors";
import { uniqueKey } from "../keys";
import { signalColumns } from "../signal-columns";
import { inTransaction, type Scope, type Tx } from "../scope";
import { findRubric, loadVersion, presentSignal } from "./read";

/** The rubric's latest version, which must be a draft to be edited. */
export async function editableDraft(tx: Tx, scope: Scope, rubricId: string) {
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
