// Interviewers as the coach manages them: which round types each runs (the pools), their weekly cap, and
// this week's load.
import { displayName } from "@/domain/people";
import { canLead } from "@/domain/training";
import { DateTime } from "luxon";
import { asJson } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "../audit";
import { inTransaction, type Scope, type Tx } from "../scope";
import { memberZones } from "../time-zones";
import { loadLeadRules } from "../training-progress";
import { getProfile } from "./availability";

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
  // Round types whose path they have not finished: they are in the pool as trainees, not as leads.
  const roundTypes = await db.roundType.findMany({
    where: { workspaceId: scope.workspaceId, key: { in: [...new Set(profiles.flatMap((p) => p.roundTypeKeys))] } },
    select: { id: true, key: true },
  });
  const rules = await loadLeadRules(
    db,
    scope.workspaceId,
    roundTypes.map((t) => t.id),
  );
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
        /** Of those, the ones they are still training for (they shadow these, and lead them only once signed off). */
        trainingKeys: roundTypes
          .filter((t) => p?.roundTypeKeys.includes(t.key) && !canLead(rules, m.id, t.id))
          .map((t) => t.key),
        weeklyCap: p?.weeklyCap ?? null,
        loadThisWeek: loads.find((l) => l.interviewerMemberId === m.id)?._count._all ?? 0,
      };
    })
    .filter((m) => m.role === "interviewer" || m.roundTypeKeys.length > 0);
}
