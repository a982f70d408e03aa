// Suggested times for a whole loop: load what the slot search needs (availability, bookings, pools, weekly
// loads), run it, and, when nothing fits, explain why.
import { displayName } from "@/domain/people";
import { expandAvailability, type DateException } from "@/domain/scheduling/availability";
import { mergeIntervals, overlaps, type Interval } from "@/domain/scheduling/intervals";
import { explainNoFit } from "@/domain/scheduling/slot-explanation";
import { suggestLoopSlots, type SuggestLoopSlotsInput } from "@/domain/scheduling/suggestion";
import { isoWeekKey } from "@/domain/scheduling/zones";
import { canLead, pickShadow } from "@/domain/training";
import { readExceptions, readWeekly } from "@/server/db/json";
import { AppError } from "@/server/errors";
import type { Scope, Tx } from "../scope";
import { memberZones } from "../time-zones";
import { loadTraineesForRounds } from "../training-progress";
import { DEFAULT_WEEKLY, getProfile, importedBusyOf } from "./availability";
import { loadLoopForScheduling } from "./loop";

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
        select: { maxDays: true, breakMin: true, autoShadow: true },
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
  // Round types with a training path are led only by qualified interviewers; their trainees may shadow.
  const training = await loadTraineesForRounds(
    db,
    scope.workspaceId,
    profiles.filter((p) => interviewerIds.includes(p.memberId)),
    roundTypes,
  );
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
      .filter((p) => canLead(training.rules, p.memberId, r.roundTypeId))
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
    /** With the template's auto-shadow on: each round's trainees, who may be added as its shadow. */
    traineesOf: template?.autoShadow
      ? new Map(rounds.map((r) => [r.id, training.trainees.get(r.roundTypeId) ?? []]))
      : new Map<string, never[]>(),
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
  const { search, names, emptyRounds, defaultHours, traineesOf } = await loadSuggestionInput(db, scope, input, now);
  if (emptyRounds.length) {
    throw new AppError(
      "BAD_REQUEST",
      `No interviewer is qualified for: ${emptyRounds.join(", ")}. Set their round types on the Interviewers page.`,
    );
  }
  const zoneOf = new Map(search.interviewers.map((i) => [i.id, i.timeZone]));
  const byId = new Map(
    search.interviewers.map((i) => [i.id, { available: mergeIntervals(i.available), busy: i.busy }]),
  );
  /** Free for the whole round: inside their hours and clear of their bookings and imported busy times. */
  const freeFor = (slot: Interval) => (id: string) => {
    const person = byId.get(id);
    return (
      !!person &&
      person.available.some((a) => a.start <= slot.start && a.end >= slot.end) &&
      !person.busy.some((b) => overlaps(b, slot))
    );
  };
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
      /** A trainee added as shadow (the template's auto-shadow), or null. */
      shadow: shadowOf(pickShadow(traineesOf.get(r.key) ?? [], freeFor(r)), names),
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

function shadowOf(memberId: string | null, names: Map<string, string>) {
  return memberId ? { memberId, name: names.get(memberId) ?? "Trainee" } : null;
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
