// Scheduling: members' availability, suggested slots for a whole loop, booking (the database refuses
// double-booking), rescheduling and cancelling with calendar updates and reminders through the outbox.
import { readExceptions, readWeekly } from "@/server/db/json";
import { displayName } from "@/domain/people";
import { DateTime } from "luxon";
import {
  expandAvailability,
  isoWeekKey,
  suggestLoopSlots,
  type DateException,
  type Interval,
  type SuggestLoopSlotsInput,
  type WeeklyWindow,
} from "@/domain/scheduling";
import { explainNoFit } from "@/domain/slot-explanation";
import { CalendarFileError, parseBusyTimes } from "@/domain/busy-import";
import { buildRoundIcs } from "@/server/calendar/ics";
import { AppError, notFound } from "@/server/errors";
import { asJson } from "@/server/db";
import { enqueueEmail, withdrawPendingEmails } from "@/server/email/outbox";
import { renderEmail } from "@/server/email/render";
import { getEnv } from "@/server/env";
import { statusAfterBooking, type LoopStatus } from "@/domain/loop-status";
import { formatInZone } from "@/domain/time-zone";
import { recordAudit, type AuditAction } from "./audit";
import { publishedRubricVersionId } from "./published-rubric";
import { memberZones } from "./time-zones";
import { scheduleScorecardReminders } from "./scorecard";
import { inTransaction, type Scope, type Tx } from "./scope";

export const REMINDERS = [
  { key: "reminder-24h", before: 24 * 60, label: "24 hours" },
  { key: "reminder-1h", before: 60, label: "1 hour" },
] as const;

// ---------- profiles and availability ----------

const DEFAULT_WEEKLY: WeeklyWindow[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));

export async function getProfile(db: Tx, scope: Scope, memberId = scope.memberId) {
  const [profile, member, zones] = await Promise.all([
    db.schedulingProfile.findUnique({ where: { workspaceId_memberId: { workspaceId: scope.workspaceId, memberId } } }),
    db.membership.findFirst({
      where: { id: memberId, workspaceId: scope.workspaceId },
      select: { id: true, role: true },
    }),
    memberZones(db, scope.workspaceId, [memberId]),
  ]);
  if (!member) throw notFound("That member");
  return {
    memberId,
    role: member.role,
    /** The person's own zone: their weekly hours are read in it. */
    timeZone: zones.get(memberId)!.zone,
    weekly: profile ? readWeekly(profile.weekly) : DEFAULT_WEEKLY,
    exceptions: profile ? readExceptions(profile.exceptions) : [],
    roundTypeKeys: profile?.roundTypeKeys ?? [],
    weeklyCap: profile?.weeklyCap ?? null,
    saved: !!profile,
    importedBusy: profile ? importedBusyOf(profile).length : 0,
    importedBusyAt: profile?.importedBusyAt ?? null,
  };
}

/** Saves the caller's weekly hours and days off; the zone they are given in becomes the person's zone. */
export async function saveMyAvailability(
  db: Tx,
  scope: Scope,
  input: { timeZone: string; weekly: WeeklyWindow[]; exceptions: DateException[] },
) {
  await inTransaction(db, async (tx) => {
    await tx.user.update({ where: { id: scope.userId }, data: { timeZone: input.timeZone } });
    await tx.schedulingProfile.upsert({
      where: { workspaceId_memberId: { workspaceId: scope.workspaceId, memberId: scope.memberId } },
      update: { weekly: asJson(input.weekly), exceptions: asJson(input.exceptions), availabilitySetAt: new Date() },
      create: {
        workspaceId: scope.workspaceId,
        memberId: scope.memberId,
        weekly: asJson(input.weekly),
        exceptions: asJson(input.exceptions),
        roundTypeKeys: [],
        availabilitySetAt: new Date(),
      },
    });
  });
  return getProfile(db, scope);
}

/** How far ahead imported busy times are kept: the slot search looks at most this far. */
const IMPORT_DAYS = 90;

/**
 * Reads busy times from the caller's own calendar export (.ics) for the next 90 days and keeps them, so
 * suggestions avoid them. Importing again replaces the earlier import.
 */
export async function importBusyTimes(db: Tx, scope: Scope, input: { ics: string }, now = new Date()) {
  const zone = (await memberZones(db, scope.workspaceId, [scope.memberId])).get(scope.memberId)?.zone ?? "UTC";
  let busy: Interval[];
  try {
    busy = parseBusyTimes(input.ics, { start: now, end: new Date(now.getTime() + IMPORT_DAYS * 86_400_000) }, zone);
  } catch (err) {
    if (err instanceof CalendarFileError) throw new AppError("BAD_REQUEST", `ics: ${err.message}`);
    throw err;
  }
  const current = await getProfile(db, scope);
  const data = {
    importedBusy: asJson(busy.map((b) => ({ start: b.start.toISOString(), end: b.end.toISOString() }))),
    importedBusyAt: now,
  };
  await db.schedulingProfile.upsert({
    where: { workspaceId_memberId: { workspaceId: scope.workspaceId, memberId: scope.memberId } },
    update: data,
    create: {
      workspaceId: scope.workspaceId,
      memberId: scope.memberId,
      weekly: asJson(current.weekly),
      exceptions: asJson(current.exceptions),
      roundTypeKeys: [],
      ...data,
    },
  });
  return { busyPeriods: busy.length, importedAt: now };
}

export async function clearImportedBusy(db: Tx, scope: Scope) {
  await db.schedulingProfile.updateMany({
    where: { workspaceId: scope.workspaceId, memberId: scope.memberId },
    data: { importedBusy: asJson([]), importedBusyAt: null },
  });
  return { cleared: true };
}

/** Imported busy times of a profile (stored as ISO strings). */
function importedBusyOf(profile: { importedBusy: unknown }): Interval[] {
  const list = Array.isArray(profile.importedBusy) ? (profile.importedBusy as { start: string; end: string }[]) : [];
  return list.map((b) => ({ start: new Date(b.start), end: new Date(b.end) }));
}

/** A coach sets which round types an interviewer runs (the pools) and their weekly cap. */
export async function saveInterviewerSettings(
  db: Tx,
  scope: Scope,
  input: { memberId: string; roundTypeKeys: string[]; weeklyCap: number | null },
) {
  return inTransaction(db, async (tx) => {
    const current = await getProfile(tx, scope, input.memberId);
    if (current.role === "candidate")
      throw new AppError("BAD_REQUEST", "Candidates cannot run rounds; change their role first.");
    const known = new Set(
      (await tx.roundType.findMany({ where: { workspaceId: scope.workspaceId }, select: { key: true } })).map(
        (r) => r.key,
      ),
    );
    const unknown = input.roundTypeKeys.filter((k) => !known.has(k));
    if (unknown.length) throw new AppError("BAD_REQUEST", `Unknown round type: ${unknown.join(", ")}.`);
    await tx.schedulingProfile.upsert({
      where: { workspaceId_memberId: { workspaceId: scope.workspaceId, memberId: input.memberId } },
      update: { roundTypeKeys: input.roundTypeKeys, weeklyCap: input.weeklyCap },
      create: {
        workspaceId: scope.workspaceId,
        memberId: input.memberId,
        weekly: asJson(current.weekly),
        exceptions: asJson(current.exceptions),
        roundTypeKeys: input.roundTypeKeys,
        weeklyCap: input.weeklyCap,
      },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "profile.updated",
      targetType: "membership",
      targetId: input.memberId,
      data: { roundTypeKeys: input.roundTypeKeys, weeklyCap: input.weeklyCap },
    });
    return getProfile(tx, scope, input.memberId);
  });
}

/** Interviewers with their pools, cap and this week's load. */
export async function listInterviewers(db: Tx, scope: Scope, now = new Date()) {
  const members = await db.membership.findMany({
    where: { workspaceId: scope.workspaceId, role: { in: ["interviewer", "coach", "owner"] } },
    include: { user: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  const [profiles, zones] = await Promise.all([
    db.schedulingProfile.findMany({
      where: { workspaceId: scope.workspaceId, memberId: { in: members.map((m) => m.id) } },
    }),
    memberZones(
      db,
      scope.workspaceId,
      members.map((m) => m.id),
    ),
  ]);
  const weekStart = DateTime.fromJSDate(now).startOf("week").toJSDate();
  const weekEnd = DateTime.fromJSDate(now).endOf("week").toJSDate();
  const loads = await db.round.groupBy({
    by: ["interviewerMemberId"],
    where: { workspaceId: scope.workspaceId, status: "scheduled", startsAt: { gte: weekStart, lte: weekEnd } },
    _count: { _all: true },
  });
  return members
    .map((m) => {
      const p = profiles.find((x) => x.memberId === m.id);
      return {
        memberId: m.id,
        role: m.role,
        name: displayName(m.user),
        email: m.user.email,
        timeZone: zones.get(m.id)?.own ? zones.get(m.id)!.zone : null,
        roundTypeKeys: p?.roundTypeKeys ?? [],
        weeklyCap: p?.weeklyCap ?? null,
        loadThisWeek: loads.find((l) => l.interviewerMemberId === m.id)?._count._all ?? 0,
      };
    })
    .filter((m) => m.role === "interviewer" || m.roundTypeKeys.length > 0);
}

// ---------- suggestions ----------

async function loadLoopForScheduling(tx: Tx, scope: Scope, loopId: string) {
  const loop = await tx.loop.findFirst({
    where: { id: loopId, workspaceId: scope.workspaceId },
    include: { rounds: { orderBy: { order: "asc" } } },
  });
  if (!loop) throw notFound("That loop");
  return loop;
}

async function busyOf(tx: Tx, workspaceId: string, memberIds: string[], range: Interval, exceptLoopId?: string) {
  const rounds = await tx.round.findMany({
    where: {
      workspaceId,
      status: "scheduled",
      startsAt: { lt: range.end },
      endsAt: { gt: range.start },
      OR: [
        { interviewerMemberId: { in: memberIds } },
        { shadowMemberId: { in: memberIds } },
        { candidateMemberId: { in: memberIds } },
      ],
      ...(exceptLoopId ? { NOT: { loopId: exceptLoopId } } : {}),
    },
    select: { interviewerMemberId: true, shadowMemberId: true, candidateMemberId: true, startsAt: true, endsAt: true },
  });
  const busy = new Map<string, Interval[]>();
  for (const r of rounds) {
    for (const id of [r.interviewerMemberId, r.shadowMemberId, r.candidateMemberId]) {
      if (id && memberIds.includes(id)) busy.set(id, [...(busy.get(id) ?? []), { start: r.startsAt!, end: r.endsAt! }]);
    }
  }
  return busy;
}

/** Everything the slot search needs for a loop, loaded once (the search and its explanation share it). */
async function loadSuggestionInput(
  db: Tx,
  scope: Scope,
  input: { loopId: string; fromDate?: Date; days?: number; breakMin?: number },
  now: Date,
) {
  const loop = await loadLoopForScheduling(db, scope, input.loopId);
  const rounds = loop.rounds.filter((r) => r.status !== "cancelled");
  if (rounds.length === 0) throw new AppError("BAD_REQUEST", "This loop has no rounds to schedule yet.");
  const template = loop.templateId
    ? await db.loopTemplate.findFirst({
        where: { id: loop.templateId, workspaceId: scope.workspaceId },
        select: { maxDays: true, breakMin: true },
      })
    : null;
  const start = input.fromDate && input.fromDate > now ? input.fromDate : now;
  const range = { start, end: new Date(start.getTime() + (input.days ?? 21) * 86_400_000) };
  const roundTypes = await db.roundType.findMany({
    where: { workspaceId: scope.workspaceId, id: { in: rounds.map((r) => r.roundTypeId) } },
    select: { id: true, key: true, name: true },
  });
  const keyOf = new Map(roundTypes.map((r) => [r.id, r.key]));
  const profiles = await db.schedulingProfile.findMany({ where: { workspaceId: scope.workspaceId } });
  const interviewerIds = (
    await db.membership.findMany({
      where: {
        workspaceId: scope.workspaceId,
        role: { in: ["interviewer", "coach", "owner"] },
        id: { in: profiles.map((p) => p.memberId) },
      },
      select: { id: true },
    })
  ).map((m) => m.id);
  // A candidate who has not joined yet gets the workspace's default hours.
  const candidate = loop.candidateMemberId
    ? await getProfile(db, scope, loop.candidateMemberId)
    : {
        timeZone: (
          await db.workspace.findUniqueOrThrow({ where: { id: scope.workspaceId }, select: { timeZone: true } })
        ).timeZone,
        weekly: DEFAULT_WEEKLY,
        exceptions: [] as DateException[],
      };
  const zones = await memberZones(db, scope.workspaceId, interviewerIds);
  const busy = await busyOf(
    db,
    scope.workspaceId,
    [...interviewerIds, ...(loop.candidateMemberId ? [loop.candidateMemberId] : [])],
    range,
    loop.id,
  );
  const weekLoad = await db.round.findMany({
    where: {
      workspaceId: scope.workspaceId,
      status: "scheduled",
      interviewerMemberId: { in: interviewerIds },
      startsAt: {
        gte: new Date(range.start.getTime() - 7 * 86_400_000),
        lt: new Date(range.end.getTime() + 7 * 86_400_000),
      },
      NOT: { loopId: loop.id },
    },
    select: { interviewerMemberId: true, startsAt: true },
  });
  const interviewers = profiles
    .filter((p) => interviewerIds.includes(p.memberId))
    .map((p) => {
      const timeZone = zones.get(p.memberId)!.zone;
      const bookedByWeek: Record<string, number> = {};
      for (const r of weekLoad.filter((x) => x.interviewerMemberId === p.memberId)) {
        const key = isoWeekKey(r.startsAt!, timeZone);
        bookedByWeek[key] = (bookedByWeek[key] ?? 0) + 1;
      }
      return {
        id: p.memberId,
        timeZone,
        available: expandAvailability({
          timeZone,
          weekly: readWeekly(p.weekly),
          exceptions: readExceptions(p.exceptions),
          range,
        }),
        // Rounds already booked, and what their own calendar says.
        busy: [...(busy.get(p.memberId) ?? []), ...importedBusyOf(p)],
        weeklyCap: p.weeklyCap,
        bookedByWeek,
      };
    });
  const pools = rounds.map((r) => ({
    key: r.id,
    durationMin: r.durationMin,
    pool: profiles
      .filter((p) => interviewerIds.includes(p.memberId) && p.roundTypeKeys.includes(keyOf.get(r.roundTypeId) ?? ""))
      .filter((p) => r.poolMemberIds.length === 0 || r.poolMemberIds.includes(p.memberId))
      .map((p) => p.memberId),
  }));
  const names = new Map(
    (
      await db.membership.findMany({
        where: { workspaceId: scope.workspaceId, id: { in: interviewerIds } },
        include: { user: { select: { name: true, email: true } } },
      })
    ).map((m) => [m.id, displayName(m.user, "Interviewer")]),
  );
  const search: SuggestLoopSlotsInput = {
    rounds: pools,
    candidate: {
      available: expandAvailability({
        timeZone: candidate.timeZone,
        weekly: candidate.weekly,
        exceptions: candidate.exceptions,
        range,
      }),
      busy: loop.candidateMemberId ? (busy.get(loop.candidateMemberId) ?? []) : [],
    },
    interviewers,
    range,
    now,
    breakMin: input.breakMin ?? template?.breakMin ?? 15,
    maxDays: template?.maxDays ?? 1,
    maxSuggestions: 5,
    candidateTimeZone: candidate.timeZone,
  };
  return {
    search,
    names,
    roundNames: Object.fromEntries(
      rounds.map((r) => [
        r.id,
        `${roundTypes.find((t) => t.id === r.roundTypeId)?.name ?? "Round"} (round ${r.order + 1})`,
      ]),
    ),
    defaultHours: profiles
      .filter((p) => interviewerIds.includes(p.memberId) && !p.availabilitySetAt)
      .map((p) => p.memberId),
    emptyRounds: rounds
      .filter((r) => pools.find((p) => p.key === r.id)!.pool.length === 0)
      .map((r) => roundTypes.find((t) => t.id === r.roundTypeId)?.name ?? "Round"),
  };
}

/**
 * Up to five options for booking the whole loop, each round with a free, qualified interviewer under their
 * cap. Each round carries the interviewer's and the candidate's zones, so the page can show everyone's
 * local time. Interviewers still on assumed hours are marked.
 */
export async function suggestSlots(
  db: Tx,
  scope: Scope,
  input: { loopId: string; fromDate?: Date; days?: number; breakMin?: number },
  now = new Date(),
) {
  const { search, names, emptyRounds, defaultHours } = await loadSuggestionInput(db, scope, input, now);
  if (emptyRounds.length) {
    throw new AppError(
      "BAD_REQUEST",
      `No interviewer is qualified for: ${emptyRounds.join(", ")}. Set their round types on the Interviewers page.`,
    );
  }
  const zoneOf = new Map(search.interviewers.map((i) => [i.id, i.timeZone]));
  return suggestLoopSlots(search).map((s) => ({
    start: s.start,
    end: s.end,
    score: s.score,
    candidateTimeZone: search.candidateTimeZone ?? "UTC",
    rounds: s.rounds.map((r) => ({
      roundId: r.key,
      start: r.start,
      end: r.end,
      interviewerMemberId: r.interviewerId,
      interviewerName: names.get(r.interviewerId) ?? "Interviewer",
      interviewerTimeZone: zoneOf.get(r.interviewerId) ?? "UTC",
      assumedHours: defaultHours.includes(r.interviewerId),
      /** Others free and qualified for this round at this time: the coach may swap one in. */
      alternates: r.alternates.map((id) => ({
        memberId: id,
        name: names.get(id) ?? "Interviewer",
        timeZone: zoneOf.get(id) ?? "UTC",
        assumedHours: defaultHours.includes(id),
      })),
    })),
  }));
}

/** Why no option fits (per round, which constraint blocks, and what to relax), for the loop page. */
export async function explainSlots(
  db: Tx,
  scope: Scope,
  input: { loopId: string; fromDate?: Date; days?: number; breakMin?: number },
  now = new Date(),
) {
  const { search, names, roundNames, defaultHours } = await loadSuggestionInput(db, scope, input, now);
  return explainNoFit({ ...search, roundNames, interviewerNames: Object.fromEntries(names), defaultHours });
}

// ---------- booking, rescheduling, cancelling ----------

function isOverlapViolation(err: unknown): string | null {
  const text = `${(err as Error)?.message ?? ""} ${JSON.stringify((err as { cause?: unknown })?.cause ?? {})} ${JSON.stringify((err as { meta?: unknown })?.meta ?? {})}`;
  if (/rounds_interviewer_no_overlap/.test(text)) return "interviewer";
  if (/rounds_shadow_no_overlap/.test(text)) return "shadow";
  if (/rounds_candidate_no_overlap/.test(text)) return "candidate";
  if (/23P01|exclusion constraint/i.test(text)) return "someone";
  return null;
}

const CLASH: Record<string, string> = {
  interviewer: "The interviewer is already booked at that time. Pick another slot or interviewer.",
  shadow: "The shadow interviewer is already booked at that time.",
  candidate: "The candidate already has a round at that time.",
  someone: "Someone in this round is already booked at that time.",
};

/** A round's time in an email: the recipient's zone, written as the app writes it. */
function formatWhen(at: Date, timeZone: string): string {
  return formatInZone(at, timeZone, "long");
}

interface Person {
  memberId: string;
  name: string;
  email: string;
  timeZone: string;
}

async function people(tx: Tx, scope: Pick<Scope, "workspaceId">, memberIds: string[]): Promise<Map<string, Person>> {
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

type RoundRow = {
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
async function notifyRound(
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

async function refreshLoopStatus(tx: Tx, loopId: string) {
  const loop = await tx.loop.findUniqueOrThrow({
    where: { id: loopId },
    include: { rounds: { select: { status: true } } },
  });
  const active = loop.rounds.filter((r) => r.status !== "cancelled");
  const next = statusAfterBooking(
    loop.status as LoopStatus,
    active.filter((r) => r.status === "scheduled").length,
    active.length,
  );
  if (next !== loop.status) await tx.loop.update({ where: { id: loopId }, data: { status: next } });
}

export interface Booking {
  roundId: string;
  interviewerMemberId: string;
  shadowMemberId?: string | null;
  startsAt: Date;
  location?: string;
  questionId?: string | null;
}

/** What a coach changed on a booked round besides its time, in words for the update email. */
async function describeChanges(
  tx: Tx,
  scope: Scope,
  before: RoundRow & { questionId: string | null },
  after: RoundRow & { questionId: string | null },
): Promise<string[]> {
  const changes: string[] = [];
  const names = await people(
    tx,
    scope,
    [before.interviewerMemberId, after.interviewerMemberId, before.shadowMemberId, after.shadowMemberId].filter(
      (x): x is string => !!x,
    ),
  );
  if (before.interviewerMemberId !== after.interviewerMemberId)
    changes.push(`Interviewer: now ${names.get(after.interviewerMemberId ?? "")?.name ?? "someone else"}`);
  if (before.shadowMemberId !== after.shadowMemberId)
    changes.push(
      after.shadowMemberId ? `Shadow: ${names.get(after.shadowMemberId)?.name ?? "added"}` : "Shadow: removed",
    );
  if (before.location !== after.location)
    changes.push(after.location ? `Video link or place: ${after.location}` : "Video link or place: removed");
  if (before.questionId !== after.questionId) changes.push("Question: changed");
  return changes;
}

/**
 * Books one or more rounds of a loop in one transaction: all succeed, or none (CONFLICT on a clash). A
 * booked round whose time changes is "Moved"; other changes send an update that says what changed; a
 * cancelled round can be booked again. Times in the past are refused.
 */
export async function bookRounds(
  db: Tx,
  scope: Scope,
  input: { loopId: string; bookings: Booking[] },
  now = new Date(),
) {
  try {
    return await inTransaction(db, async (tx) => {
      const loop = await loadLoopForScheduling(tx, scope, input.loopId);
      if (loop.status === "cancelled" || loop.status === "completed")
        throw new AppError("CONFLICT", `This loop is ${loop.status}; it cannot be scheduled.`);
      const interviewers = await tx.membership.findMany({
        where: {
          workspaceId: scope.workspaceId,
          id: { in: input.bookings.flatMap((b) => [b.interviewerMemberId, b.shadowMemberId ?? ""]).filter(Boolean) },
        },
        select: { id: true, role: true },
      });
      const results = [];
      for (const b of input.bookings) {
        const round = loop.rounds.find((r) => r.id === b.roundId);
        if (!round) throw notFound("That round in this loop");
        const sameTime = round.status === "scheduled" && round.startsAt?.getTime() === b.startsAt.getTime();
        // Editing a booked round without moving it is allowed up to its end; a new or moved time must be ahead.
        if (!sameTime && b.startsAt.getTime() < now.getTime()) {
          throw new AppError("BAD_REQUEST", "startsAt: that time is in the past. Pick a time from now on.");
        }
        if (sameTime && round.endsAt && round.endsAt.getTime() < now.getTime())
          throw new AppError("CONFLICT", "This round is over; it can no longer be changed.");
        for (const id of [b.interviewerMemberId, b.shadowMemberId].filter((x): x is string => !!x)) {
          const m = interviewers.find((x) => x.id === id);
          if (!m) throw notFound("That interviewer");
          if (m.role === "candidate") throw new AppError("BAD_REQUEST", "A candidate cannot interview.");
        }
        if (b.questionId) {
          const q = await tx.question.findFirst({
            where: { id: b.questionId, workspaceId: scope.workspaceId, roundTypeId: round.roundTypeId },
          });
          if (!q) throw notFound("That question for this round type");
        }
        const wasBooked = round.status === "scheduled";
        const wasCancelled = round.status === "cancelled";
        const next = {
          interviewerMemberId: b.interviewerMemberId,
          shadowMemberId: b.shadowMemberId ?? null,
          location: b.location ?? round.location,
          questionId: b.questionId === undefined ? round.questionId : b.questionId,
        };
        const changes = wasBooked && sameTime ? await describeChanges(tx, scope, round, { ...round, ...next }) : [];
        if (wasBooked && sameTime && changes.length === 0) {
          // Nothing changed: no mail, and the calendars' copies are still current.
          results.push({
            roundId: round.id,
            startsAt: round.startsAt,
            endsAt: round.endsAt,
            sequence: round.icsSequence,
          });
          continue;
        }
        const updated = await tx.round.update({
          where: { id: round.id },
          data: {
            ...next,
            status: "scheduled",
            startsAt: b.startsAt,
            endsAt: new Date(b.startsAt.getTime() + round.durationMin * 60_000),
            rubricVersionId:
              round.rubricVersionId ?? (await publishedRubricVersionId(tx, scope.workspaceId, round.roundTypeId)),
            // A calendar replaces an event only when SEQUENCE goes up: any change to a sent invitation raises it.
            icsSequence: wasBooked || wasCancelled ? round.icsSequence + 1 : round.icsSequence,
            cancelledAt: null,
            cancelReason: null,
            cancelledFrom: null,
          },
        });
        let action: AuditAction;
        if (!wasBooked) {
          await notifyRound(tx, scope, updated, "scheduled");
          action = wasCancelled ? "round.rebooked" : "round.scheduled";
        } else if (!sameTime) {
          await notifyRound(tx, scope, updated, "rescheduled");
          action = "round.rescheduled";
        } else {
          await notifyRound(tx, scope, updated, "updated", { changes });
          action = "round.updated";
        }
        // People taken off a booked round get its cancellation for their copy of the event.
        const removed = wasBooked
          ? [round.interviewerMemberId, round.shadowMemberId].filter(
              (id): id is string => !!id && id !== updated.interviewerMemberId && id !== updated.shadowMemberId,
            )
          : [];
        if (removed.length)
          await notifyRound(tx, scope, { ...round, icsSequence: updated.icsSequence }, "cancelled", { only: removed });
        await scheduleScorecardReminders(tx, scope, updated);
        await recordAudit(tx, {
          workspaceId: scope.workspaceId,
          actorId: scope.userId,
          action,
          targetType: "round",
          targetId: round.id,
          data: { startsAt: b.startsAt.toISOString(), interviewerMemberId: b.interviewerMemberId },
        });
        results.push({
          roundId: round.id,
          startsAt: updated.startsAt,
          endsAt: updated.endsAt,
          sequence: updated.icsSequence,
        });
      }
      await refreshLoopStatus(tx, loop.id);
      return results;
    });
  } catch (err) {
    const clash = isOverlapViolation(err);
    if (clash) throw new AppError("CONFLICT", CLASH[clash]!);
    throw err;
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

/** Cancels a round with the coach's reason; everyone booked gets the cancellation. Undo with restoreRound. */
export async function cancelRound(db: Tx, scope: Scope, input: { roundId: string; reason: string }, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const round = await tx.round.findFirst({ where: { id: input.roundId, workspaceId: scope.workspaceId } });
    if (!round) throw notFound("That round");
    if (round.status === "cancelled") throw new AppError("CONFLICT", "That round is already cancelled.");
    const wasScheduled = round.status === "scheduled";
    const updated = await tx.round.update({
      where: { id: round.id },
      data: {
        status: "cancelled",
        cancelledAt: now,
        cancelReason: input.reason,
        cancelledFrom: round.status,
        icsSequence: round.icsSequence + (wasScheduled ? 1 : 0),
      },
    });
    if (wasScheduled) await notifyRound(tx, scope, updated, "cancelled", { reason: input.reason });
    await withdrawPendingEmails(tx, scope.workspaceId, `scorecard:${round.id}:`);
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "round.cancelled",
      targetType: "round",
      targetId: round.id,
      data: { startsAt: round.startsAt?.toISOString() ?? null, reason: input.reason },
    });
    await refreshLoopStatus(tx, round.loopId);
    return { id: round.id, status: "cancelled" as const };
  });
}

/**
 * Undoes a cancellation while the round has not started: it is booked again at the same time with the
 * same people, who get an update (not a new invitation). A slot taken meanwhile answers CONFLICT.
 */
export async function restoreRound(db: Tx, scope: Scope, input: { roundId: string }, now = new Date()) {
  try {
    return await inTransaction(db, async (tx) => {
      const round = await tx.round.findFirst({ where: { id: input.roundId, workspaceId: scope.workspaceId } });
      if (!round) throw notFound("That round");
      if (round.status !== "cancelled") throw new AppError("CONFLICT", "That round is not cancelled.");
      const backTo = round.cancelledFrom ?? "unscheduled";
      if (backTo === "scheduled" && (!round.startsAt || round.startsAt.getTime() <= now.getTime())) {
        throw new AppError(
          "CONFLICT",
          "This round's time has passed, so the cancellation can no longer be undone. Book it again at a new time.",
        );
      }
      const updated = await tx.round.update({
        where: { id: round.id },
        data: {
          status: backTo,
          cancelledAt: null,
          cancelReason: null,
          cancelledFrom: null,
          icsSequence: round.icsSequence + (backTo === "scheduled" ? 1 : 0),
        },
      });
      if (backTo === "scheduled") {
        await notifyRound(tx, scope, updated, "updated", {
          changes: ["The cancellation was undone: the round takes place as planned."],
        });
        await scheduleScorecardReminders(tx, scope, updated);
      }
      await recordAudit(tx, {
        workspaceId: scope.workspaceId,
        actorId: scope.userId,
        action: "round.restored",
        targetType: "round",
        targetId: round.id,
        data: { status: backTo },
      });
      await refreshLoopStatus(tx, round.loopId);
      return { id: round.id, status: backTo };
    });
  } catch (err) {
    const clash = isOverlapViolation(err);
    if (clash)
      throw new AppError(
        "CONFLICT",
        `${CLASH[clash]!} The cancellation cannot be undone; book the round at another time.`,
      );
    throw err;
  }
}

// ---------- views ----------

/** The interviewer's upcoming rounds, with what they need to open the kit. */
export async function listMyAgenda(db: Tx, scope: Scope, now = new Date()) {
  const rounds = await db.round.findMany({
    where: {
      workspaceId: scope.workspaceId,
      status: "scheduled",
      endsAt: { gt: now },
      OR: [{ interviewerMemberId: scope.memberId }, { shadowMemberId: scope.memberId }],
    },
    orderBy: { startsAt: "asc" },
    take: 100,
  });
  const [who, roundTypes] = await Promise.all([
    people(db, scope, [...new Set(rounds.flatMap((r) => (r.candidateMemberId ? [r.candidateMemberId] : [])))]),
    db.roundType.findMany({
      where: { workspaceId: scope.workspaceId, id: { in: rounds.map((r) => r.roundTypeId) } },
      select: { id: true, name: true },
    }),
  ]);
  return rounds.map((r) => ({
    id: r.id,
    roundTypeId: r.roundTypeId,
    roundType: roundTypes.find((t) => t.id === r.roundTypeId)?.name ?? "Round",
    questionId: r.questionId,
    startsAt: r.startsAt!,
    endsAt: r.endsAt!,
    location: r.location,
    durationMin: r.durationMin,
    candidate: (r.candidateMemberId && who.get(r.candidateMemberId)?.name) || "Invited candidate",
    asShadow: r.shadowMemberId === scope.memberId,
  }));
}

/** The candidate's own schedule. No interviewer identities. */
export async function listMySchedule(db: Tx, scope: Scope) {
  const rounds = await db.round.findMany({
    where: { workspaceId: scope.workspaceId, candidateMemberId: scope.memberId, status: "scheduled" },
    orderBy: { startsAt: "asc" },
    take: 200,
  });
  const roundTypes = await db.roundType.findMany({
    where: { workspaceId: scope.workspaceId, id: { in: rounds.map((r) => r.roundTypeId) } },
    select: { id: true, name: true, description: true },
  });
  return rounds.map((r) => ({
    id: r.id,
    roundType: roundTypes.find((t) => t.id === r.roundTypeId)?.name ?? "Round",
    description: roundTypes.find((t) => t.id === r.roundTypeId)?.description ?? "",
    startsAt: r.startsAt!,
    endsAt: r.endsAt!,
    durationMin: r.durationMin,
    location: r.location,
  }));
}
