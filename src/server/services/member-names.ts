// Display names of members, for pages that list interviewers and candidates.
import type { Db } from "@/server/db";
import type { Tx } from "./scope";

/** Display names of members (name, else email). */
export async function memberNames(db: Db | Tx, workspaceId: string, memberIds: string[]) {
  const members = await db.membership.findMany({ where: { workspaceId, id: { in: memberIds } }, include: { user: { select: { name: true, email: true } } } });
  return new Map(members.map((m) => [m.id, m.user.name ?? m.user.email ?? "Member"]));
}
