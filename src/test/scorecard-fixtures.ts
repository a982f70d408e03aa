// Shared setup for the scorecard, debrief and calibration integration tests: an extra interviewer, a loop
// booked with given interviewers, and a scorecard filled and submitted in one call.
import { callerFor, createUser, db, roundHasStarted, type TestWorkspace } from "./factories";

const HOUR = 3_600_000;

export async function addInterviewer(ws: TestWorkspace) {
  const user = await createUser("iv");
  const m = await db.membership.create({ data: { workspaceId: ws.id, userId: user.userId, role: "interviewer" } });
  return { actor: user, memberId: m.id, caller: callerFor(user) };
}

/** A loop whose first `n` rounds are booked, round i with interviewers[i], a week from now. */
// Each booked loop gets its own 12-hour block, so loops of one test never clash (a random offset did, now and then).
let nextBlock = 0;

export async function bookedLoop(
  ws: TestWorkspace,
  interviewers: { memberId: string }[],
  templateKey = "backend-mid-virtual-onsite",
) {
  const template = await db.loopTemplate.findFirstOrThrow({ where: { workspaceId: ws.id, key: templateKey } });
  const candidate = await createUser("cand");
  const cm = await db.membership.create({ data: { workspaceId: ws.id, userId: candidate.userId, role: "candidate" } });
  const { id: loopId } = await ws.members.coach.caller.loop.create({
    workspaceId: ws.id,
    candidateMemberId: cm.id,
    templateId: template.id,
    targetRole: "Backend engineer",
    level: "mid",
  });
  const rounds = await db.round.findMany({ where: { loopId }, orderBy: { order: "asc" } });
  const start = Date.now() + 7 * 24 * HOUR + nextBlock++ * 12 * HOUR;
  await ws.members.coach.caller.schedule.book({
    workspaceId: ws.id,
    loopId,
    bookings: interviewers.map((iv, i) => ({
      roundId: rounds[i]!.id,
      interviewerMemberId: iv.memberId,
      startsAt: new Date(start + i * 2 * HOUR),
    })),
  });
  return { loopId, rounds, candidateMemberId: cm.id };
}

export async function fillAndSubmit(
  caller: ReturnType<typeof callerFor>,
  workspaceId: string,
  roundId: string,
  rating: (i: number) => 1 | 2 | 3 | 4 | "not_observed",
  recommendation: "yes" | "no" | "strong_yes" | "strong_no" = "yes",
) {
  const opened = await caller.scorecard.open({ workspaceId, roundId });
  const ratings = Object.fromEntries(
    opened.rubric.signals.map((s, i) => [s.key, { rating: rating(i), evidence: `Saw ${s.title.toLowerCase()}` }]),
  );
  const saved = await caller.scorecard.save({
    workspaceId,
    roundId,
    expectedVersion: opened.scorecard.version,
    ratings,
    redFlagKeys: [],
    recommendation,
    summary: "Summary of the round.",
  });
  await roundHasStarted(roundId);
  return caller.scorecard.submit({ workspaceId, roundId, expectedVersion: saved.version });
}
