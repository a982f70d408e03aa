import type { Role } from "@/domain/roles";
import type { Db, Prisma } from "@/server/db";

/** Who is acting, in which workspace, with which role. Built on the server from the session. */
export interface Scope {
  workspaceId: string;
  userId: string;
  memberId: string;
  role: Role;
}

export interface Actor {
  userId: string;
  email: string | null;
  name: string | null;
  /** The person's own zone; null until detected from their browser or chosen. */
  timeZone: string | null;
}

export type Tx = Db | Prisma.TransactionClient;

/**
 * Runs `fn` in a transaction: a new one when given the client, the caller's when already inside one, so a
 * service can be one step of a larger atomic workflow.
 */
export function inTransaction<T>(db: Tx, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return "$transaction" in db && typeof db.$transaction === "function" ? db.$transaction(fn) : fn(db);
}
