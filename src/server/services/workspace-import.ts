// Importing a full workspace export (docs/export.md) as a new workspace of the person importing, who becomes
// its owner: the import always writes into a workspace it has just made, so nothing existing is merged or
// overwritten. The whole document is validated first (format schema, then references) and nothing is
// written when it fails; then everything is written in one transaction. Every row gets a new id and every
// reference (including ids inside JSON such as template rounds and report contents) is rewritten; people
// are matched to accounts by email, and accounts are made for those who have none.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { ENTITY_SPECS, EXPORT_ORDER, NOT_IMPORTED } from "@/server/exports/entities";
import { findReferenceProblems } from "@/server/exports/references";
import { WorkspaceExportDocument, type ExportEntity } from "@/schemas/workspace-export";
import { recordAudit } from "./audit";
import { hashToken, newToken } from "./secret-token";
import type { Actor } from "./scope";
import { freeSlug } from "./workspace";

/** A large workspace is written in one transaction; it may take this long. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;
const INSERT_BATCH = 1_000;

/** Tables whose updatedAt has no database default (Prisma sets it): the import stamps it. */
const STAMPED = new Set<ExportEntity>([
  "invitations",
  "roundTypes",
  "rubrics",
  "rubricVersions",
  "questions",
  "schedulingProfiles",
  "loops",
  "rounds",
  "trainingPaths",
  "scorecards",
  "debriefs",
  "feedbackReports",
  "exercises",
]);

/** Validates the document; a readable BAD_REQUEST naming the first problems when it is not one. */
export function parseExportDocument(document: unknown): WorkspaceExportDocument {
  const parsed = WorkspaceExportDocument.safeParse(document);
  if (!parsed.success) {
    const top = parsed.error.issues.find(
      (i) => i.path.length <= 1 && (i.path[0] === "format" || i.path[0] === "version"),
    );
    const issues = (top ? [top] : parsed.error.issues.slice(0, 3)).map((i) =>
      i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message,
    );
    throw new AppError(
      "BAD_REQUEST",
      `This file is not a Loopwise workspace export we can import: ${issues.join("; ")}.`,
      {
        reason: "invalid_export",
      },
    );
  }
  const problems = findReferenceProblems(parsed.data);
  if (problems.length)
    throw new AppError(
      "BAD_REQUEST",
      `This export is inconsistent, so nothing was imported: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}.`,
      { reason: "invalid_export" },
    );
  return parsed.data;
}

/** Replaces every string that is a known source id, anywhere in a JSON value. */
function remapJson(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === "string") return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => remapJson(v, ids));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapJson(v, ids)]));
  return value;
}

async function insertRows(tx: Prisma.TransactionClient, table: string, rows: Record<string, unknown>[]) {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!)
    .map((c) => `"${c}"`)
    .join(", ");
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    // jsonb_populate_recordset turns each object into a row of the table's own types (enums, arrays, jsonb,
    // timestamps: the Z of a UTC instant is dropped, as the columns hold UTC without a zone).
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`,
      JSON.stringify(rows.slice(i, i + INSERT_BATCH)),
    );
  }
}

/** The person's account for each user of the document: by email, made when missing. */
async function matchUsers(tx: Prisma.TransactionClient, actor: Actor, doc: WorkspaceExportDocument) {
  const emails = doc.users.flatMap((u) => (u.email ? [u.email.toLowerCase()] : []));
  const existing = await tx.user.findMany({
    where: { email: { in: emails, mode: "insensitive" } },
    select: { id: true, email: true },
  });
  const byEmail = new Map(existing.map((u) => [u.email!.toLowerCase(), u.id]));
  const users = new Map<string, string>();
  for (const u of doc.users) {
    let id = u.email ? byEmail.get(u.email.toLowerCase()) : undefined;
    if (!id) {
      // Erased people (no email) get an anonymised stand-in of their own, as in the source workspace.
      const made = await tx.user.create({
        data: {
          email: u.email,
          name: u.name,
          timeZone: u.timeZone,
          erasedAt: u.erasedAt ? new Date(u.erasedAt) : null,
        },
        select: { id: true },
      });
      id = made.id;
      if (u.email) byEmail.set(u.email.toLowerCase(), id);
    }
    users.set(u.id, id);
  }
  return users;
}

export async function importWorkspace(db: Db, actor: Actor, input: { name?: string; document: unknown }) {
  const doc = parseExportDocument(input.document);
  return db.$transaction(
    async (tx) => {
      const users = await matchUsers(tx, actor, doc);
      const name = input.name ?? doc.workspace.name;
      const workspace = await tx.workspace.create({
        data: {
          name,
          slug: await freeSlug(tx, name),
          timeZone: doc.workspace.timeZone,
          showInterviewerNames: doc.workspace.showInterviewerNames,
          retentionMonths: doc.workspace.retentionMonths,
        },
        select: { id: true, name: true, slug: true },
      });
      // New ids for every row; people keep the accounts matched above.
      const ids = new Map<string, string>(users);
      for (const entity of EXPORT_ORDER)
        if (!NOT_IMPORTED.has(entity)) for (const row of doc[entity]) ids.set(row.id, randomUUID());
      // The importer owns the new workspace: their own member row becomes an owner, or one is added.
      const importerIsMember = doc.members.some((m) => users.get(m.userId) === actor.userId);
      const now = new Date().toISOString();
      const published: string[] = [];
      for (const entity of EXPORT_ORDER) {
        if (NOT_IMPORTED.has(entity)) continue;
        const spec = ENTITY_SPECS[entity];
        const rows = doc[entity].map((source: Record<string, unknown>) => {
          const row: Record<string, unknown> = { ...source, id: ids.get(String(source.id)), workspaceId: workspace.id };
          for (const [field, target] of Object.entries(spec.refs)) {
            const value = source[field];
            const unknownPerson = target === "users" ? actor.userId : null;
            if (Array.isArray(value)) row[field] = value.map((v: string) => ids.get(v) ?? v);
            else if (typeof value === "string") row[field] = ids.get(value) ?? unknownPerson;
          }
          for (const field of spec.jsonWithIds ?? []) row[field] = remapJson(source[field], ids);
          if (STAMPED.has(entity)) row.updatedAt = now;
          if (entity === "members" && row.userId === actor.userId) row.role = "owner";
          if (entity === "rounds") row.icsUid = `${randomUUID()}@loopwise`;
          // The links were never sent from here: a fresh secret nobody knows; an owner resends pending ones.
          if (entity === "invitations") row.tokenHash = hashToken(newToken());
          // Signals can be added only to a draft version (a trigger): published once they are in.
          if (entity === "rubricVersions" && row.status === "published") {
            published.push(String(row.id));
            row.status = "draft";
          }
          return row;
        });
        await insertRows(tx, spec.table, rows);
        if (entity === "members" && !importerIsMember)
          await tx.membership.create({ data: { workspaceId: workspace.id, userId: actor.userId, role: "owner" } });
        if (entity === "redFlags" && published.length)
          await tx.rubricVersion.updateMany({
            where: { workspaceId: workspace.id, id: { in: published } },
            data: { status: "published" },
          });
      }
      const counts = Object.fromEntries(EXPORT_ORDER.map((e) => [e, doc[e].length]));
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actorId: actor.userId,
        action: "workspace.imported",
        targetType: "workspace",
        targetId: workspace.id,
        data: { from: doc.workspace.slug, exportedAt: doc.exportedAt, counts },
      });
      return { ...workspace, counts };
    },
    { timeout: IMPORT_TIMEOUT_MS, maxWait: 10_000 },
  );
}
