// The people in a round as mail and pages show them: name, address and their own time zone.
import { displayName } from "@/domain/people";
import type { Scope, Tx } from "../scope";
import { memberZones } from "../time-zones";

export interface Person {
  memberId: string;
  name: string;
  email: string;
  timeZone: string;
}

export async function people(
  tx: Tx,
  scope: Pick<Scope, "workspaceId">,
  memberIds: string[],
): Promise<Map<string, Person>> {
  const [members, zones] = await Promise.all([
    tx.membership.findMany({
      where: { workspaceId: scope.workspaceId, id: { in: memberIds } },
      include: { user: { select: { name: true, email: true } } },
    }),
    memberZones(tx, scope.workspaceId, memberIds),
  ]);
  return new Map(
    members.map((m) => [
      m.id,
      { memberId: m.id, name: displayName(m.user), email: m.user.email ?? "", timeZone: zones.get(m.id)!.zone },
    ]),
  );
}
