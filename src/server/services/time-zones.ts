// Each member's time zone, read in one place: the person's own zone (users.timeZone), else the workspace's.
// Availability, suggestions, emails and pages all use it.
import { personZone } from "@/domain/time-zone";
import type { Tx } from "./scope";

export interface MemberZone {
  zone: string;
  /** False while the person has not chosen or been detected a zone (the workspace's is used meanwhile). */
  own: boolean;
}

export async function memberZones(db: Tx, workspaceId: string, memberIds: string[]): Promise<Map<string, MemberZone>> {
  const [members, workspace] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId, id: { in: memberIds } },
      select: { id: true, user: { select: { timeZone: true } } },
    }),
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } }),
  ]);
  return new Map(
    members.map((m) => [
      m.id,
      {
        zone: personZone(m.user.timeZone, workspace.timeZone),
        own: !!m.user.timeZone && personZone(m.user.timeZone) === m.user.timeZone,
      },
    ]),
  );
}
