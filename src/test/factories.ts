// Test factories: every test makes its own users and workspaces with unique emails, so tests never
// share seed data and can run in parallel.
import { randomUUID } from "node:crypto";
import { createCaller } from "@/server/api/root";
import { getDb } from "@/server/db";
import { logger } from "@/server/logger";
import { ROLES, type Role } from "@/domain/roles";
import type { Actor } from "@/server/services/scope";

export const db = getDb();

export function uniqueEmail(label = "user") {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function createUser(label = "user"): Promise<Actor> {
  const email = uniqueEmail(label);
  const user = await db.user.create({ data: { email, name: `${label} ${email.slice(-16, -13)}` } });
  return { userId: user.id, email, name: user.name };
}

export function callerFor(actor: Actor | null) {
  return createCaller({ db, actor, requestId: `test-${randomUUID()}`, log: logger });
}

export interface Member {
  actor: Actor;
  memberId: string;
  role: Role;
  caller: ReturnType<typeof callerFor>;
}

export interface TestWorkspace {
  id: string;
  slug: string;
  members: Record<Role, Member>;
}

/** A workspace with one member of each role (the owner created it). */
export async function createWorkspaceWithRoles(label = "ws"): Promise<TestWorkspace> {
  const owner = await createUser(`${label}-owner`);
  const ws = await callerFor(owner).workspace.create({ name: `${label} ${randomUUID().slice(0, 6)}`, timeZone: "UTC" });
  const members = {} as Record<Role, Member>;
  for (const role of ROLES) {
    const actor = role === "owner" ? owner : await createUser(`${label}-${role}`);
    const membership =
      role === "owner"
        ? await db.membership.findFirstOrThrow({ where: { workspaceId: ws.id, userId: owner.userId } })
        : await db.membership.create({ data: { workspaceId: ws.id, userId: actor.userId, role } });
    members[role] = { actor, memberId: membership.id, role, caller: callerFor(actor) };
  }
  return { id: ws.id, slug: ws.slug, members };
}

/** Every tenant row of a workspace, for "nothing changed" assertions. */
export async function snapshotWorkspace(workspaceId: string) {
  const [workspace, memberships, invitations, auditEvents, emails] = await Promise.all([
    db.workspace.findUnique({ where: { id: workspaceId } }),
    db.membership.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.auditEvent.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.emailOutbox.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
  ]);
  return { workspace, memberships, invitations, auditEvents, emails };
}

/** The code of a rejected tRPC call, or "OK" when it resolved. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (err) {
    return (err as { code?: string }).code ?? `THREW ${(err as Error).message}`;
  }
}
