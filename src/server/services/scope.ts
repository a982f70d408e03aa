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
}

export type Tx = Db | Prisma.TransactionClient;
