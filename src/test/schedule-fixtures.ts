// Shared setup for the scheduling integration tests: a future Monday, a loop from a seeded template, an extra
// candidate, and the calendar file attached to a round's email.
import ICAL from "ical.js";
import { createUser, db, type TestWorkspace } from "./factories";

export const DAY = 86_400_000;
/** A Monday 15:00 UTC at least two weeks ahead, so reminders are in the future. */
export function futureMonday(weeks = 2): Date {
  const d = new Date(Date.now() + weeks * 7 * DAY);
  d.setUTCHours(15, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return d;
}

export async function loopFor(
  ws: TestWorkspace,
  candidateMemberId = ws.members.candidate.memberId,
  templateKey = "backend-mid-virtual-onsite",
) {
  const template = await db.loopTemplate.findFirstOrThrow({ where: { workspaceId: ws.id, key: templateKey } });
  const { id } = await ws.members.coach.caller.loop.create({
    workspaceId: ws.id,
    candidateMemberId,
    templateId: template.id,
    targetRole: "Backend engineer",
    level: "mid",
  });
  const rounds = await db.round.findMany({ where: { loopId: id }, orderBy: { order: "asc" } });
  return { loopId: id, rounds };
}

export async function addCandidate(ws: TestWorkspace) {
  const user = await createUser("cand");
  const m = await db.membership.create({ data: { workspaceId: ws.id, userId: user.userId, role: "candidate" } });
  return m.id;
}

export function parseIcs(base64: string) {
  const cal = new ICAL.Component(ICAL.parse(Buffer.from(base64, "base64").toString("utf8")));
  const ev = cal.getFirstSubcomponent("vevent")!;
  return {
    method: cal.getFirstPropertyValue("method"),
    uid: ev.getFirstPropertyValue("uid"),
    sequence: ev.getFirstPropertyValue("sequence"),
    start: (ev.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
  };
}
