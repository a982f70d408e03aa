// Calendar mail for a round: the invitation, update or cancellation with an ICS file for each person in it,
// and their reminders, all queued in the caller's transaction through the outbox.
import { formatInZone } from "@/domain/time-zone";
import { buildRoundIcs } from "@/server/calendar/ics";
import { enqueueEmail, withdrawPendingEmails } from "@/server/email/outbox";
import { renderEmail } from "@/server/email/render";
import { getEnv } from "@/server/env";
import type { Scope, Tx } from "../scope";
import { people } from "./people";

export const REMINDERS = [
  { key: "reminder-24h", before: 24 * 60, label: "24 hours" },
  { key: "reminder-1h", before: 60, label: "1 hour" },
] as const;

/** A round's time in an email: the recipient's zone, written as the app writes it. */
function formatWhen(at: Date, timeZone: string): string {
  return formatInZone(at, timeZone, "long");
}

export type RoundRow = {
  id: string;
  icsUid: string;
  icsSequence: number;
  startsAt: Date | null;
  endsAt: Date | null;
  durationMin: number;
  location: string;
  roundTypeId: string;
  interviewerMemberId: string | null;
  shadowMemberId: string | null;
  candidateMemberId: string | null;
  loopId: string;
};

type NotifyKind = "scheduled" | "rescheduled" | "updated" | "cancelled";

/**
 * Calendar mail to everyone in a round (with an ICS), and its reminders, all in the caller's transaction.
 * `only` limits the mail (and new reminders) to some members, leaving everyone else's reminders alone:
 * people taken off a round get its cancellation; a candidate who joins late gets the invitation.
 */
export async function notifyRound(
  tx: Tx,
  scope: Pick<Scope, "workspaceId">,
  round: RoundRow,
  kind: NotifyKind,
  extra: { changes?: string[]; reason?: string; only?: string[] } = {},
) {
  const env = getEnv();
  const [roundType, workspace] = await Promise.all([
    tx.roundType.findFirstOrThrow({
      where: { id: round.roundTypeId, workspaceId: scope.workspaceId },
      select: { name: true },
    }),
    tx.workspace.findUniqueOrThrow({ where: { id: scope.workspaceId }, select: { name: true, slug: true } }),
  ]);
  const ids = [round.interviewerMemberId, round.shadowMemberId, round.candidateMemberId, ...(extra.only ?? [])].filter(
    (x): x is string => !!x,
  );
  const who = await people(tx, scope, [...new Set(ids)]);
  const candidate = round.candidateMemberId ? who.get(round.candidateMemberId) : undefined;
  const attendees = [...who.values()].filter((p) => p.email && (!extra.only || extra.only.includes(p.memberId)));
  if (!extra.only) await withdrawPendingEmails(tx, scope.workspaceId, `round:${round.id}:reminder`);
  if (!round.startsAt || !round.endsAt) return;
  // Each recipient gets their own calendar file: the candidate's lists only the candidate, so interviewer
  // identities never reach them; interviewers see everyone in the round.
  const icsFor = (isCandidate: boolean) =>
    buildRoundIcs({
      uid: round.icsUid,
      sequence: round.icsSequence,
      method: kind === "cancelled" ? "CANCEL" : "REQUEST",
      start: round.startsAt!,
      end: round.endsAt!,
      title: `${roundType.name}: practice round (${workspace.name})`,
      description: `A Loopwise practice round. Details: ${env.appUrl}/w/${workspace.slug}`,
      location: round.location,
      organizer: { name: "Loopwise", email: env.EMAIL_FROM.replace(/^.*<([^>]+)>.*$/, "$1") },
      attendees: (isCandidate ? attendees.filter((a) => a.memberId === round.candidateMemberId) : attendees).map(
        (a) => ({ name: a.name, email: a.email }),
      ),
    });
  for (const p of attendees) {
    const isCandidate = p.memberId === round.candidateMemberId;
    const page = isCandidate ? "schedule" : "agenda";
    // Candidates do not learn interviewer identities from mail; interviewers see who they meet.
    const withWhom = isCandidate ? "your interviewer" : (candidate?.name ?? "the candidate");
    const email = await renderEmail("round-scheduled", {
      kind,
      changes: extra.changes,
      reason: extra.reason,
      recipientName: p.name,
      roundName: roundType.name,
      workspaceName: workspace.name,
      when: formatWhen(round.startsAt, p.timeZone),
      durationMin: round.durationMin,
      location: round.location,
      withWhom,
      url: `${env.appUrl}/w/${workspace.slug}/${page}`,
    });
    await enqueueEmail(tx, {
      workspaceId: scope.workspaceId,
      to: p.email,
      email,
      topic: `round:${round.id}:${kind}`,
      attachments: [
        {
          filename: "invite.ics",
          content: Buffer.from(icsFor(isCandidate)).toString("base64"),
          contentType: `text/calendar; method=${kind === "cancelled" ? "CANCEL" : "REQUEST"}`,
        },
      ],
    });
    if (kind === "cancelled") continue;
    for (const r of REMINDERS) {
      const sendAt = new Date(round.startsAt.getTime() - r.before * 60_000);
      if (sendAt <= new Date()) continue;
      const reminder = await renderEmail("round-reminder", {
        recipientName: p.name,
        roundName: roundType.name,
        when: formatWhen(round.startsAt, p.timeZone),
        startsIn: r.label,
        location: round.location,
        url: `${env.appUrl}/w/${workspace.slug}/${page}`,
      });
      await enqueueEmail(tx, {
        workspaceId: scope.workspaceId,
        to: p.email,
        email: reminder,
        topic: `round:${round.id}:${r.key}`,
        sendAt,
      });
    }
  }
}

/**
 * A candidate invited by email joins after some of their rounds were booked: each upcoming booked round's
 * invitation, calendar file and reminders go to them now. Runs inside the acceptance's transaction, which
 * happens once per invitation, so a retried accept sends nothing twice.
 */
export async function inviteJoinedCandidate(
  tx: Tx,
  workspaceId: string,
  candidateMemberId: string,
  loopIds: string[],
  now = new Date(),
) {
  const rounds = await tx.round.findMany({
    where: { workspaceId, loopId: { in: loopIds }, status: "scheduled", startsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
  });
  for (const round of rounds) await notifyRound(tx, { workspaceId }, round, "scheduled", { only: [candidateMemberId] });
  return rounds.length;
}
