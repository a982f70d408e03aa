// Full workspace exports (docs/export.md): an owner queues one, the export worker writes it
// (src/server/exports/), the owner watches its progress and downloads its files.
import { AppError, notFound } from "@/server/errors";
import { z } from "zod";
import { recordAudit } from "./audit";
import { inTransaction, type Scope, type Tx } from "./scope";

/** Finished exports kept per workspace; older ones (and their files) go when a new one is queued. */
export const EXPORTS_KEPT = 3;

const Files = z.array(z.object({ name: z.string(), bytes: z.number() }));
const Counts = z.record(z.string(), z.number());

const SELECT = {
  id: true,
  status: true,
  progress: true,
  counts: true,
  files: true,
  bytes: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

type Row = {
  id: string;
  status: "queued" | "running" | "succeeded" | "failed";
  progress: number;
  counts: unknown;
  files: unknown;
  bytes: bigint;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

function present(row: Row) {
  return {
    ...row,
    bytes: Number(row.bytes),
    counts: row.counts === null ? null : Counts.parse(row.counts),
    files: row.files === null ? [] : Files.parse(row.files),
  };
}
export type WorkspaceExportView = ReturnType<typeof present>;

/** Queues an export, or answers the one already queued or running (one at a time per workspace). */
export async function startExport(db: Tx, scope: Scope) {
  return inTransaction(db, async (tx) => {
    // Serialises two owners pressing the button at once.
    await tx.$queryRaw`SELECT 1 FROM "workspaces" WHERE "id" = ${scope.workspaceId} FOR UPDATE`;
    const active = await tx.workspaceExport.findFirst({
      where: { workspaceId: scope.workspaceId, status: { in: ["queued", "running"] } },
      select: SELECT,
    });
    if (active) return present(active);
    const made = await tx.workspaceExport.create({
      data: { workspaceId: scope.workspaceId, requestedById: scope.userId },
      select: SELECT,
    });
    const old = await tx.workspaceExport.findMany({
      where: { workspaceId: scope.workspaceId, id: { not: made.id } },
      orderBy: { createdAt: "desc" },
      skip: EXPORTS_KEPT - 1,
      select: { id: true },
    });
    if (old.length) {
      const ids = old.map((o) => o.id);
      // Chunks first, by their key (workspace, export): the cascade from the export would scan the table.
      await tx.workspaceExportChunk.deleteMany({ where: { workspaceId: scope.workspaceId, exportId: { in: ids } } });
      await tx.workspaceExport.deleteMany({ where: { workspaceId: scope.workspaceId, id: { in: ids } } });
    }
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "workspace.exported",
      targetType: "workspace",
      targetId: scope.workspaceId,
    });
    return present(made);
  });
}

export async function listExports(db: Tx, scope: Scope) {
  const rows = await db.workspaceExport.findMany({
    where: { workspaceId: scope.workspaceId },
    orderBy: { createdAt: "desc" },
    take: EXPORTS_KEPT,
    select: SELECT,
  });
  return rows.map(present);
}

export async function getExport(db: Tx, scope: Scope, input: { exportId: string }) {
  const row = await db.workspaceExport.findFirst({
    where: { workspaceId: scope.workspaceId, id: input.exportId },
    select: SELECT,
  });
  if (!row) throw notFound("That export");
  return present(row);
}

/** The export's file to download: only a finished export's, only a file it lists. */
export async function exportFile(db: Tx, scope: Scope, input: { exportId: string; file: string }) {
  const found = await getExport(db, scope, input);
  if (found.status !== "succeeded")
    throw new AppError("CONFLICT", "This export has not finished yet: download it once it shows as ready.");
  const file = found.files.find((f) => f.name === input.file);
  if (!file) throw notFound("That file");
  return { workspaceId: scope.workspaceId, exportId: found.id, ...file };
}
