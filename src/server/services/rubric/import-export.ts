// A rubric as a file (format "loopwise.rubric"): exporting one version, and importing a file as a new
// rubric whose draft v1 holds its content, after every problem in it has been reported.
import { findInputProblem, isSafeText, MAX_INPUT_DEPTH } from "@/domain/text";
import { RubricFile, type RubricFile as RubricFileT } from "@/schemas/library";
import { AppError } from "@/server/errors";
import { recordAudit } from "../audit";
import { signalColumns } from "../signal-columns";
import { inTransaction, type Scope, type Tx } from "../scope";
import { findRubric, loadVersion } from "./read";

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
