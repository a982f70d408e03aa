// Erasing a candidate's personal data (docs/privacy.md). One function does it for every entry point — the
// candidate's own "erase my account", a coach or owner on the members page, and the retention job — so
// they cannot drift apart. What stays is what other people's calibration needs: the numeric ratings of
// scorecards, still attached to the same loop and membership, whose person is now an anonymised stand-in.
import { createHash } from "node:crypto";
import type { Prisma } from "@/server/db";
import { asOwnerRole } from "@/server/db/tenant";
import { AppError, notFound } from "@/server/errors";
import { recordAudit } from "./audit";

/** Who asked for the erasure: written to the audit event (which holds no personal data). */
export type ErasureBy = "self" | "member" | "retention";

/** Free text is searched for the person's name only when it is at least this long (shorter would match words). */
const MIN_NEEDLE = 3;

/** The stand-in's name: stable for one membership, and says nothing about the person. */
export function erasedLabel(memberId: string): string {
  return `Erased candidate ${createHash("sha256").update(memberId).digest("hex").slice(0, 6)}`;
}

/** The person's name and email, lower-cased, as searched for in free text. */
function needlesOf(person: { name: string | null; email: string | null }): string[] {
  return [person.email, person.name].map((s) => (s ?? "").trim().toLowerCase()).filter((s) => s.length >= MIN_NEEDLE);
}

/** A JSON value with every string that names the person replaced by `label` (and their user id by `newId`). */
function scrubJson(value: Prisma.JsonValue, needles: string[], label: string, ids: [string, string]): Prisma.JsonValue {
  if (typeof value === "string") {
    if (value === ids[0]) return ids[1];
    const lower = value.toLowerCase();
    return needles.some((n) => lower.includes(n)) ? label : value;
  }
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, needles, label, ids));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v ?? null, needles, label, ids)]));
  return value;
}

/**
 * JSON written about events that may name people: the audit log's details and webhook events' payloads
 * (a pending delivery then sends the stand-in's name).
 */
const JSON_RECORDS = [
  { table: "audit_events", column: "data" },
  { table: "webhook_events", column: "payload" },
] as const;

/** Rows (of one workspace, or of all when `workspaceId` is null) whose JSON names the person, rewritten. */
async function scrubRecords(
  tx: Prisma.TransactionClient,
  workspaceId: string | null,
  needles: string[],
  label: string,
  ids: [string, string],
) {
  const terms = [...needles, ids[0].toLowerCase()];
  for (const { table, column } of JSON_RECORDS) {
    // Table and column names are the constants above; values are parameters.
    const rows = await tx.$queryRawUnsafe<{ id: string; value: Prisma.JsonValue }[]>(
      `SELECT "id", "${column}" AS "value" FROM "${table}"
       WHERE ($1::text IS NULL OR "workspaceId" = $1) AND "${column}" IS NOT NULL
         AND EXISTS (SELECT 1 FROM unnest($2::text[]) AS n WHERE strpos(lower("${column}"::text), n) > 0)`,
      workspaceId,
      terms,
    );
    for (const row of rows) {
      await tx.$executeRawUnsafe(
        `UPDATE "${table}" SET "${column}" = $1::jsonb WHERE "id" = $2`,
        JSON.stringify(scrubJson(row.value, needles, label, ids)),
        row.id,
      );
    }
  }
}

/** Scorecard ratings with the evidence text removed and every rating (numeric or "not observed") kept. */
function ratingsOnly(ratings: Prisma.JsonValue): Prisma.InputJsonValue {
  if (!ratings || typeof ratings !== "object" || Array.isArray(ratings)) return {};
  return Object.fromEntries(
    Object.entries(ratings).map(([key, answer]) => [
      key,
      answer && typeof answer === "object" && !Array.isArray(answer) && "evidence" in answer
        ? { ...answer, evidence: "" }
        : answer,
    ]),
  );
}

export interface ErasedMembership {
  workspaceId: string;
  memberId: string;
  /** The person's own user row, before the erasure. */
  userId: string;
  /** The anonymised stand-in the membership now belongs to. */
  standInUserId: string;
}

/**
 * Erases one candidate membership's personal data in its workspace, in the caller's transaction. `tx` is
 * either the owner role (self-erasure, retention) or a workspace-scoped request confined to `workspaceId`;
 * every query here is filtered by it. Does not touch the person's account (see `eraseIdentityIfUnused`).
 */
export async function eraseCandidateMembership(
  tx: Prisma.TransactionClient,
  input: { workspaceId: string; memberId: string; actorId: string | null; by: ErasureBy; now?: Date },
): Promise<ErasedMembership> {
  const { workspaceId, memberId } = input;
  const now = input.now ?? new Date();
  // Serialises membership changes of the workspace, as the members page does.
  await tx.$queryRaw`SELECT "id" FROM "workspaces" WHERE "id" = ${workspaceId} FOR UPDATE`;
  const member = await tx.membership.findFirst({
    where: { id: memberId, workspaceId },
    include: { user: { select: { id: true, name: true, email: true, erasedAt: true } } },
  });
  if (!member) throw notFound("That member");
  if (member.role !== "candidate")
    throw new AppError("BAD_REQUEST", "Only a candidate's data can be erased. Change the member's role first.", {
      reason: "not_a_candidate",
    });
  if (member.user.erasedAt) throw new AppError("CONFLICT", "This candidate's data has already been erased.");
  const person = member.user;
  const label = erasedLabel(memberId);
  const needles = needlesOf(person);

  // The stand-in takes over the membership, so loops, rounds and scorecards keep pointing at the same member.
  const standIn = await asOwnerRole(tx, () =>
    tx.user.create({ data: { name: label, erasedAt: now }, select: { id: true } }),
  );
  await tx.membership.update({ where: { id: memberId }, data: { userId: standIn.id } });

  const invitations = await tx.invitation.findMany({
    where: {
      workspaceId,
      OR: [
        { acceptedById: person.id },
        ...(person.email ? [{ email: { equals: person.email, mode: "insensitive" as const } }] : []),
      ],
    },
    select: { id: true },
  });
  const invitationIds = invitations.map((i) => i.id);
  const loops = await tx.loop.findMany({
    where: { workspaceId, OR: [{ candidateMemberId: memberId }, { candidateInvitationId: { in: invitationIds } }] },
    select: { id: true },
  });
  const loopIds = loops.map((l) => l.id);
  const rounds = await tx.round.findMany({ where: { workspaceId, loopId: { in: loopIds } }, select: { id: true } });
  const reports = await tx.feedbackReport.findMany({
    where: { workspaceId, OR: [{ loopId: { in: loopIds } }, { candidateMemberId: memberId }] },
    select: { id: true },
  });
  const reportIds = reports.map((r) => r.id);

  // Free text about the person goes; the structure (loops, rounds, times, ratings) stays.
  // Rounds before their loops, the order a round's write locks them in (src/server/services/invitation.ts).
  await tx.round.updateMany({
    where: { workspaceId, loopId: { in: loopIds } },
    data: { location: "", cancelReason: null },
  });
  await tx.loop.updateMany({
    where: { workspaceId, id: { in: loopIds } },
    data: { notes: "", candidateInvitationId: null },
  });
  await tx.debrief.updateMany({ where: { workspaceId, loopId: { in: loopIds } }, data: { rationale: "", notes: "" } });
  const cards = await tx.scorecard.findMany({
    where: { workspaceId, loopId: { in: loopIds } },
    select: { id: true, ratings: true },
  });
  for (const card of cards) {
    await tx.scorecard.update({ where: { id: card.id }, data: { ratings: ratingsOnly(card.ratings), summary: "" } });
  }
  await tx.scorecardRevision.deleteMany({ where: { workspaceId, scorecardId: { in: cards.map((c) => c.id) } } });
  await tx.feedbackReportVersion.deleteMany({ where: { workspaceId, reportId: { in: reportIds } } });
  await tx.feedbackReport.deleteMany({ where: { workspaceId, id: { in: reportIds } } });
  await tx.schedulingProfile.deleteMany({ where: { workspaceId, memberId } });
  await tx.invitation.deleteMany({ where: { workspaceId, id: { in: invitationIds } } });

  // Mail to them, about their rounds and reports, or naming them (sent or not).
  const topics = [
    ...rounds.flatMap((r) => [`round:${r.id}:%`, `scorecard:${r.id}:%`]),
    ...reportIds.map((id) => `report:${id}:%`),
  ];
  await tx.$executeRaw`
    DELETE FROM "email_outbox" WHERE "workspaceId" = ${workspaceId} AND (
      "topic" LIKE ANY (${topics}::text[])
      OR EXISTS (SELECT 1 FROM unnest(${needles}::text[]) AS n
                 WHERE strpos(lower("to" || ' ' || "subject" || ' ' || "text" || ' ' || "html" || ' ' || coalesce("attachments"::text, '')), n) > 0))`;

  await tx.auditEvent.updateMany({ where: { workspaceId, actorId: person.id }, data: { actorId: standIn.id } });
  await scrubRecords(tx, workspaceId, needles, label, [person.id, standIn.id]);
  await recordAudit(tx, {
    workspaceId,
    actorId: input.by === "self" ? standIn.id : input.actorId,
    action: "member.erased",
    targetType: "membership",
    targetId: memberId,
    data: { by: input.by, loops: loopIds.length, scorecardsKept: cards.length },
  });
  return { workspaceId, memberId, userId: person.id, standInUserId: standIn.id };
}

/**
 * When the person belongs to no workspace any more, their account goes: the `users` row (with its
 * sessions, sign-in accounts and calendar feeds), sign-in tokens, and, in every workspace, invitations and
 * mail addressed to them, and audit details and webhook payloads naming them. Runs as the owner role (these tables are not tenant
 * data). Returns whether the account was erased.
 */
export async function eraseIdentityIfUnused(tx: Prisma.TransactionClient, userId: string): Promise<boolean> {
  return asOwnerRole(tx, async () => {
    const person = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, _count: { select: { memberships: true } } },
    });
    if (!person || person._count.memberships > 0) return false;
    const needles = needlesOf(person);
    if (person.email) {
      const email = { equals: person.email, mode: "insensitive" as const };
      await tx.verificationToken.deleteMany({ where: { identifier: email } });
      await tx.invitation.deleteMany({ where: { email, acceptedAt: null } });
      await tx.emailOutbox.deleteMany({ where: { to: email } });
    }
    await scrubRecords(tx, null, needles, "Erased candidate", [person.id, "erased"]);
    await tx.user.delete({ where: { id: person.id } });
    return true;
  });
}
