// API keys for the public REST API (/api/v1): made and revoked by owners, shown once, stored as a SHA-256
// hash (secret-token.ts), looked up by that hash on every request. A key acts as its bound member or, when
// unbound, as the owner who made it; the REST layer builds a tRPC context from it, so every rule of access
// is the app's own (src/server/public-api/context.ts).
import { randomBytes } from "node:crypto";
import {
  API_KEY_PREFIX,
  API_KEY_SHOWN_CHARS,
  LAST_USED_RESOLUTION_MS,
  lastUsedIsStale,
  type ApiKeyScope,
} from "@/domain/api-keys";
import { displayName } from "@/domain/people";
import { can } from "@/domain/roles";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { recordAudit } from "./audit";
import { inTransaction, type Actor, type Scope, type Tx } from "./scope";
import { hashToken } from "./secret-token";

/** A new key: the prefix and 256 random bits in base64url (43 characters). */
export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  resources: string[];
  createdById: string;
  boundMemberId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

async function present(db: Tx, workspaceId: string, keys: KeyRow[]) {
  const [creators, bound] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [...new Set(keys.map((k) => k.createdById))] } },
      select: { id: true, name: true, email: true },
    }),
    db.membership.findMany({
      where: { workspaceId, id: { in: keys.flatMap((k) => (k.boundMemberId ? [k.boundMemberId] : [])) } },
      select: { id: true, role: true, user: { select: { name: true, email: true } } },
    }),
  ]);
  return keys.map((k) => {
    const member = bound.find((m) => m.id === k.boundMemberId);
    return {
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      scope: k.scope,
      resources: k.resources,
      createdBy: displayName(creators.find((u) => u.id === k.createdById)),
      boundMember: member ? { memberId: member.id, name: displayName(member.user), role: member.role } : null,
      createdAt: k.createdAt,
      lastUsedAt: k.lastUsedAt,
      revokedAt: k.revokedAt,
    };
  });
}

/** The workspace's keys, active first, newest first; never their secrets. */
export async function listApiKeys(db: Tx, scope: Scope) {
  const keys = await db.apiKey.findMany({
    where: { workspaceId: scope.workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  const rows = await present(db, scope.workspaceId, keys);
  return [...rows.filter((k) => !k.revokedAt), ...rows.filter((k) => k.revokedAt)];
}

/** Makes a key and returns it with its secret: the only time the secret is shown. */
export async function createApiKey(
  db: Tx,
  scope: Scope,
  input: { name: string; scope: ApiKeyScope; resources: string[]; boundMemberId?: string | null },
) {
  return inTransaction(db, async (tx) => {
    if (input.boundMemberId) {
      const member = await tx.membership.findFirst({
        where: { id: input.boundMemberId, workspaceId: scope.workspaceId },
        select: { role: true },
      });
      if (!member) throw notFound("That member");
      if (!can(member.role, "scorecard.fill"))
        throw new AppError(
          "BAD_REQUEST",
          "A key can act only as someone who fills scorecards (an interviewer, coach or owner), not a candidate.",
          { field: "boundMemberId", reason: "bound_member_role" },
        );
    }
    const secret = newApiKey();
    const key = await tx.apiKey.create({
      data: {
        workspaceId: scope.workspaceId,
        name: input.name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, API_KEY_SHOWN_CHARS),
        scope: input.scope,
        resources: [...new Set(input.resources)],
        createdById: scope.userId,
        boundMemberId: input.boundMemberId ?? null,
      },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "api_key.created",
      targetType: "api_key",
      targetId: key.id,
      data: { name: key.name, scope: key.scope, resources: key.resources, boundMemberId: key.boundMemberId },
    });
    const [shown] = await present(tx, scope.workspaceId, [key]);
    return { key: shown!, secret };
  });
}

export async function revokeApiKey(db: Tx, scope: Scope, input: { apiKeyId: string }, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.apiKeyId, workspaceId: scope.workspaceId } });
    if (!key) throw notFound("That API key");
    if (key.revokedAt) throw new AppError("CONFLICT", "This key is already revoked.", { reason: "already_revoked" });
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: now } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: key.id,
      data: { name: key.name },
    });
    return { id: key.id, revokedAt: now };
  });
}

export interface ApiKeyPrincipal {
  id: string;
  workspaceId: string;
  scope: ApiKeyScope;
  resources: string[];
  /** Who the key acts as: its bound member's user, else the owner who made it. */
  actor: Actor;
}

/**
 * The key for a secret, or null when it is unknown, revoked, or the person it acts as is no longer a member
 * of its workspace. Runs as the owning role (no workspace is known yet), like calendar feeds by token.
 * Writes the last-used time at most once a minute.
 */
export async function authenticateApiKey(db: Db, secret: string, now = new Date()): Promise<ApiKeyPrincipal | null> {
  const key = await db.apiKey.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: {
      id: true,
      workspaceId: true,
      scope: true,
      resources: true,
      createdById: true,
      lastUsedAt: true,
      revokedAt: true,
      boundMember: { select: { userId: true } },
    },
  });
  if (!key || key.revokedAt) return null;
  const userId = key.boundMember?.userId ?? key.createdById;
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: key.workspaceId, userId } },
    select: { user: { select: { id: true, email: true, name: true, timeZone: true } } },
  });
  if (!membership) return null;
  if (lastUsedIsStale(key.lastUsedAt, now)) {
    // Conditional, so concurrent requests of the same minute write once.
    await db.apiKey.updateMany({
      where: {
        id: key.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  const { user } = membership;
  return {
    id: key.id,
    workspaceId: key.workspaceId,
    scope: key.scope,
    resources: key.resources,
    actor: { userId: user.id, email: user.email, name: user.name, timeZone: user.timeZone },
  };
}
