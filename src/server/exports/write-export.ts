// Writes one workspace's export (docs/export.md): workspace.json, one JSON document in the versioned format,
// and one CSV per list. Streamed: every table is read in keyset batches of BATCH_ROWS ordered by id, each row
// parsed through the format's schema (only the fields the format lists leave the database) and appended to
// the files, which are stored as gzipped chunks as they fill (./chunks.ts). Against a PostgreSQL server the
// reads run in one REPEATABLE READ transaction, so the document is one consistent snapshot.
import { csvRecord, type CsvCell } from "@/domain/csv";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { rowLevelSecurityApplies } from "@/server/db/tenant";
import {
  EXPORT_ENTITIES,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ExportedWorkspace,
  type ExportEntity,
} from "@/schemas/workspace-export";
import type { Tx } from "@/server/services/scope";
import { ChunkWriter, type ExportIds } from "./chunks";
import { ENTITY_SPECS, EXPORT_ORDER } from "./entities";

export const BATCH_ROWS = 1_000;
/** How long the reading snapshot may stay open. */
const SNAPSHOT_TIMEOUT_MS = 30 * 60_000;

export interface ExportFile {
  name: string;
  bytes: number;
}
export interface ExportResult {
  counts: Record<ExportEntity, number>;
  files: ExportFile[];
  bytes: number;
}

/** Called after each batch with rows written so far and rows to write; may throw to abandon the run. */
export type OnProgress = (done: number, total: number) => Promise<void>;

function withSnapshot<T>(db: Db, fn: (read: Tx) => Promise<T>): Promise<T> {
  // Embedded PGlite is one connection: a transaction held open would block the chunk writes beside it.
  if (!rowLevelSecurityApplies()) return fn(db);
  return db.$transaction(fn, {
    isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    timeout: SNAPSHOT_TIMEOUT_MS,
  });
}

function csvCell(value: unknown): CsvCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

function collectUserRefs(entity: Exclude<ExportEntity, "users">, row: Record<string, unknown>, into: Set<string>) {
  for (const [field, target] of Object.entries(ENTITY_SPECS[entity].refs)) {
    const value = row[field];
    if (target === "users" && typeof value === "string") into.add(value);
  }
}

async function countRows(read: Tx, workspaceId: string): Promise<number> {
  let total = 0;
  for (const entity of EXPORT_ORDER) {
    const spec = ENTITY_SPECS[entity];
    const [row] = await read.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${spec.table}" t WHERE t."workspaceId" = $1 ${spec.filter ? `AND ${spec.filter}` : ""}`,
      workspaceId,
    );
    total += row?.n ?? 0;
  }
  return total;
}

/** Writes the export's files and answers what was written. `db` writes the chunks (outside the snapshot). */
export async function writeExport(db: Db, ids: ExportIds, onProgress: OnProgress): Promise<ExportResult> {
  return withSnapshot(db, async (read) => {
    const workspace = ExportedWorkspace.parse(
      await read.workspace
        .findUniqueOrThrow({
          where: { id: ids.workspaceId },
          select: {
            name: true,
            slug: true,
            timeZone: true,
            showInterviewerNames: true,
            retentionMonths: true,
            createdAt: true,
          },
        })
        .then((w) => ({ ...w, createdAt: w.createdAt.toISOString() })),
    );
    // Users are not counted ahead (they are collected as rows pass): progress is capped at the total.
    const total = await countRows(read, ids.workspaceId);
    let done = 0;
    const json = new ChunkWriter(db, ids, "workspace.json");
    const files: ChunkWriter[] = [json];
    const counts = {} as Record<ExportEntity, number>;
    const people = new Set<string>();
    const header = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), workspace };
    await json.write(JSON.stringify(header).slice(0, -1));

    const writeList = async (entity: ExportEntity, batches: (after: string) => Promise<{ r: unknown }[]>) => {
      const schema = EXPORT_ENTITIES[entity];
      const columns = Object.keys(schema.shape);
      const csv = new ChunkWriter(db, ids, `${entity}.csv`);
      files.push(csv);
      await csv.write(csvRecord(columns));
      await json.write(`,${JSON.stringify(entity)}:[`);
      let after = "";
      let n = 0;
      for (;;) {
        const rows = await batches(after);
        for (const { r } of rows) {
          const row: Record<string, unknown> = schema.parse(r);
          if (entity !== "users") collectUserRefs(entity, row, people);
          await json.write(`${n ? "," : ""}${JSON.stringify(row)}`);
          await csv.write(csvRecord(columns.map((c) => csvCell(row[c]))));
          after = String(row.id);
          n++;
        }
        done += rows.length;
        await onProgress(Math.min(done, total), total);
        if (rows.length < BATCH_ROWS) break;
      }
      await json.write("]");
      await csv.flush();
      counts[entity] = n;
    };

    for (const entity of EXPORT_ORDER) {
      const spec = ENTITY_SPECS[entity];
      await writeList(entity, (after) =>
        read.$queryRawUnsafe<{ r: unknown }[]>(
          `SELECT to_jsonb(t) AS r FROM "${spec.table}" t WHERE t."workspaceId" = $1 ${spec.filter ? `AND ${spec.filter}` : ""} AND t."id" > $2 ORDER BY t."id" LIMIT ${BATCH_ROWS}`,
          ids.workspaceId,
          after,
        ),
      );
    }
    const userIds = [...people];
    await writeList(
      "users",
      (after) =>
        read.$queryRaw<{ r: unknown }[]>`
        SELECT to_jsonb(u) AS r FROM "users" u WHERE u."id" = ANY(${userIds}) AND u."id" > ${after}
        ORDER BY u."id" LIMIT ${BATCH_ROWS}`,
    );
    await json.write("}\n");
    await json.flush();
    const written = files.map((f) => ({ name: f.file, bytes: f.bytes }));
    return { counts, files: written, bytes: written.reduce((sum, f) => sum + f.bytes, 0) };
  });
}
