import { displayName } from "@/domain/people";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/domain/roles";
import { AppError, notFound, tooManyRequests } from "@/server/errors";
import { renderEmail } from "@/server/email/render";
import { enqueueEmail } from "@/server/email/outbox";
import { getEnv } from "@/server/env";
import { getRateLimits } from "@/server/rate-limit";
import { recordAudit } from "./audit";
import { inviteJoinedCandidate } from "./schedule/notifications";
import { inTransaction, type Actor, type Scope, type Tx } from "./scope";
import { emitEvent, eventPeople } from "@/server/webhooks/emit";
import { hashToken, newToken } from "./secret-token";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export { hashToken } from "./secret-token";

type InvitationRow = {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  sentCount: number;
};

export function invitationStatus(inv: InvitationRow, now = new Date()) {
  if (inv.acceptedAt) return "accepted" as const;
  if (inv.revokedAt) return "revoked" as const;
  if (inv.expiresAt <= now) return "expired" as const;
  return "pending" as const;
}

function present(inv: InvitationRow) {
  return {
    id: inv.id,
    email: inv.email,
    role: inv.role,
    expiresAt: inv.expiresAt,
    createdAt: inv.createdAt,
    sentCount: inv.sentCount,
    status: invitationStatus(inv),
  };
}

export async function listInvitations(db: Tx, scope: Scope) {
  const rows = await db.invitation.findMany({
    where: { workspaceId: scope.workspaceId, acceptedAt: null },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map(present);
}

async function invitationMail(tx: Tx, scope: Scope, email: string, role: Role, token: string, expiresAt: Date) {
  const [workspace, inviter] = await Promise.all([
    tx.workspace.findFirst({ where: { id: scope.workspaceId }, select: { name: true, timeZone: true } }),
    tx.user.findFirst({ where: { id: scope.userId }, select: { name: true, email: true } }),
  ]);
  if (!workspace) throw notFound("That workspace");
  return renderEmail("invitation", {
    workspaceName: workspace.name,
    inviterName: displayName(inviter, "A Loopwise owner"),
    roleLabel: ROLE_LABELS[role],
    roleDescription: ROLE_DESCRIPTIONS[role],
    acceptUrl: `${getEnv().appUrl}/invite/${token}`,
    expiresOn: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: workspace.timeZone }).format(expiresAt),
  });
}

/** Each invitation sent (or resent) counts against the sender's hourly limit: invitations are email. */
async function limitInvitationSends(scope: Scope) {
  const verdict = await getRateLimits().consume("invitesPerUser", scope.userId);
  if (!verdict.allowed)
    throw tooManyRequests("You have sent too many invitations in the last hour.", verdict.retryAfterS);
}

export async function createInvitation(db: Tx, scope: Scope, input: { email: string; role: Role }, now = new Date()) {
  const email = input.email.toLowerCase();
  const existingMember = await db.membership.findFirst({
    where: { workspaceId: scope.workspaceId, user: { email } },
    select: { id: true },
  });
  if (existingMember)
    throw new AppError("CONFLICT", `${email} is already a member of this workspace.`, {
      field: "email",
      reason: "already_member",
    });
  const pending = await db.invitation.findFirst({
    where: { workspaceId: scope.workspaceId, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  if (pending)
    throw new AppError("CONFLICT", `${email} already has a pending invitation. Resend it or revoke it first.`, {
      field: "email",
      reason: "invitation_pending",
    });
  await limitInvitationSends(scope);

  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const mail = await invitationMail(db, scope, email, input.role, token, expiresAt);
  return inTransaction(db, async (tx) => {
    const inv = await tx.invitation.create({
      data: {
        workspaceId: scope.workspaceId,
        email,
        role: input.role,
        tokenHash: hashToken(token),
        expiresAt,
        invitedById: scope.userId,
      },
    });
    await enqueueEmail(tx, { workspaceId: scope.workspaceId, to: email, email: mail });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "invitation.created",
      targetType: "invitation",
      targetId: inv.id,
      data: { email, role: input.role },
    });
    return present(inv);
  });
}

async function findOpenInvitation(db: Tx, scope: Scope, invitationId: string) {
  const inv = await db.invitation.findFirst({ where: { id: invitationId, workspaceId: scope.workspaceId } });
  if (!inv) throw notFound("That invitation");
  if (inv.acceptedAt) throw new AppError("CONFLICT", "This invitation was already accepted.");
  if (inv.revokedAt) throw new AppError("CONFLICT", "This invitation was revoked. Create a new one instead.");
  return inv;
}

/** Sends a fresh link (a new token, so any earlier link stops working) and extends the expiry. */
export async function resendInvitation(db: Tx, scope: Scope, input: { invitationId: string }, now = new Date()) {
  const inv = await findOpenInvitation(db, scope, input.invitationId);
  await limitInvitationSends(scope);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const mail = await invitationMail(db, scope, inv.email, inv.role, token, expiresAt);
  return inTransaction(db, async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: inv.id, workspaceId: scope.workspaceId, acceptedAt: null, revokedAt: null },
      data: { tokenHash: hashToken(token), expiresAt, sentCount: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This invitation changed meanwhile; reload and try again.");
    await enqueueEmail(tx, { workspaceId: scope.workspaceId, to: inv.email, email: mail });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "invitation.resent",
      targetType: "invitation",
      targetId: inv.id,
      data: { email: inv.email },
    });
    const updated = await tx.invitation.findFirstOrThrow({ where: { id: inv.id } });
    return present(updated);
  });
}

export async function revokeInvitation(db: Tx, scope: Scope, input: { invitationId: string }, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const inv = await findOpenInvitation(tx, scope, input.invitationId);
    const updated = await tx.invitation.update({ where: { id: inv.id }, data: { revokedAt: now } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: inv.id,
      data: { email: inv.email },
    });
    return present(updated);
  });
}

/** "jane.doe@example.com" → "j•••@example.com": enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}

function wrongRecipient(email: string) {
  return new AppError(
    "FORBIDDEN",
    `This invitation was sent to ${maskEmail(email)}. Sign out, then sign in with that address to see and accept it.`,
  );
}

/**
 * What the accept page shows. The workspace is revealed only to the invited address: a forwarded or
 * leaked link tells anyone else nothing but the masked recipient.
 */
async function invitationByToken(db: Tx, token: string, now: Date) {
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { workspace: { select: { name: true, slug: true } } },
  });
  if (!inv)
    throw new AppError(
      "NOT_FOUND",
      "This invitation link is not valid. It may have been replaced by a newer one; ask for a new invitation.",
    );
  const inviter = await db.user.findUnique({ where: { id: inv.invitedById }, select: { name: true, email: true } });
  return {
    workspaceName: inv.workspace.name,
    workspaceSlug: inv.workspace.slug,
    role: inv.role,
    email: inv.email,
    invitedBy: displayName(inviter, "A workspace owner"),
    status: invitationStatus(inv, now),
    expiresAt: inv.expiresAt,
  };
}

export async function previewInvitation(db: Tx, actor: Actor, token: string, now = new Date()) {
  const preview = await invitationByToken(db, token, now);
  if ((actor.email ?? "").toLowerCase() !== preview.email) throw wrongRecipient(preview.email);
  return preview;
}

/**
 * What the sign-in page says to someone arriving from an invitation link, before they are signed in: who
 * invited them where, and the address it was sent to (to pre-fill). The secret token is the credential;
 * nothing is shown for a link that is not pending.
 */
export async function peekInvitation(db: Tx, token: string, now = new Date()) {
  const preview = await invitationByToken(db, token, now);
  if (preview.status !== "pending") throw new AppError("NOT_FOUND", "This invitation is no longer open.");
  return {
    workspaceName: preview.workspaceName,
    role: preview.role,
    email: preview.email,
    invitedBy: preview.invitedBy,
  };
}

export async function acceptInvitation(
  db: Tx,
  actor: Actor,
  token: string,
  now = new Date(),
  profile: { name?: string; timeZone?: string } = {},
) {
  return inTransaction(db, async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!inv)
      throw new AppError("NOT_FOUND", "This invitation link is not valid. Ask the workspace owner for a new one.");
    // Lock the invitation so two tabs accepting at once create one membership.
    await tx.$queryRaw`SELECT "id" FROM "invitations" WHERE "id" = ${inv.id} FOR UPDATE`;
    const fresh = await tx.invitation.findUniqueOrThrow({ where: { id: inv.id } });
    if ((actor.email ?? "").toLowerCase() !== fresh.email) throw wrongRecipient(fresh.email);
    const status = invitationStatus(fresh, now);
    if (status === "revoked")
      throw new AppError("BAD_REQUEST", "This invitation was revoked. Ask the workspace owner for a new one.");
    if (status === "expired")
      throw new AppError("BAD_REQUEST", "This invitation has expired. Ask the workspace owner to resend it.");
    if (status === "accepted") throw new AppError("CONFLICT", "This invitation was already accepted.");
    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: fresh.workspaceId, userId: actor.userId } },
    });
    const membership =
      existing ??
      (await tx.membership.create({
        data: { workspaceId: fresh.workspaceId, userId: actor.userId, role: fresh.role },
      }));
    await tx.invitation.update({ where: { id: fresh.id }, data: { acceptedAt: now, acceptedById: actor.userId } });
    // The name and zone asked for on the invitation page, in the same step: colleagues see the name, and every
    // time (emails included) is shown in the zone from the start.
    if (profile.name !== undefined || profile.timeZone !== undefined) {
      await tx.user.update({
        where: { id: actor.userId },
        data: {
          ...(profile.name !== undefined && { name: profile.name }),
          ...(profile.timeZone !== undefined && { timeZone: profile.timeZone }),
        },
      });
    }
    // Loops created for an invited candidate now belong to them.
    if (membership.role === "candidate") {
      const loops = await tx.loop.findMany({
        where: { workspaceId: fresh.workspaceId, candidateInvitationId: fresh.id, candidateMemberId: null },
        select: { id: true },
      });
      if (loops.length) {
        // Rounds before their loops, the order a round's write locks them in (its trigger then updates the
        // loop's round summary): the other order could deadlock with a booking on the same loop.
        await tx.round.updateMany({
          where: { workspaceId: fresh.workspaceId, loopId: { in: loops.map((l) => l.id) }, candidateMemberId: null },
          data: { candidateMemberId: membership.id },
        });
        await tx.loop.updateMany({
          where: { id: { in: loops.map((l) => l.id) } },
          data: { candidateMemberId: membership.id },
        });
        // Rounds booked while they were invited: their invitations reach them now.
        await inviteJoinedCandidate(
          tx,
          fresh.workspaceId,
          membership.id,
          loops.map((l) => l.id),
          now,
        );
      }
    }
    await recordAudit(tx, {
      workspaceId: fresh.workspaceId,
      actorId: actor.userId,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: fresh.id,
      data: { email: fresh.email, role: fresh.role, membershipId: membership.id, alreadyMember: !!existing },
    });
    if (!existing)
      await emitEvent(tx, fresh.workspaceId, "member.joined", async () => ({
        member: {
          ...(await eventPeople(tx, fresh.workspaceId, [membership.id]))(membership.id)!,
          role: membership.role,
        },
      }));
    const workspace = await tx.workspace.findUniqueOrThrow({
      where: { id: fresh.workspaceId },
      select: { slug: true, name: true },
    });
    return { workspaceSlug: workspace.slug, workspaceName: workspace.name, role: membership.role };
  });
}
