// Test factories: every test makes its own users and workspaces with unique emails, so tests never
// share seed data and can run in parallel.
import { randomUUID } from "node:crypto";
import { createCaller } from "@/server/api/root";
import { getDb } from "@/server/db";
import { logger } from "@/server/logger";
import { ROLES, type Role } from "@/domain/roles";
import type { Actor } from "@/server/services/scope";
import { runDueCohortFits } from "@/server/services/cohort-fit";

export const db = getDb();

export function uniqueEmail(label = "user") {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function createUser(label = "user"): Promise<Actor> {
  const email = uniqueEmail(label);
  const user = await db.user.create({ data: { email, name: `${label} ${email.slice(-16, -13)}` } });
  return { userId: user.id, email, name: user.name, timeZone: user.timeZone };
}

export function callerFor(actor: Actor | null) {
  return createCaller({ db, actor, requestId: `test-${randomUUID()}`, log: logger });
}

export interface Member {
  actor: Actor;
  memberId: string;
  role: Role;
  caller: ReturnType<typeof callerFor>;
}

export interface TestWorkspace {
  id: string;
  slug: string;
  members: Record<Role, Member>;
}

/** A workspace with one member of each role (the owner created it). */
export async function createWorkspaceWithRoles(label = "ws"): Promise<TestWorkspace> {
  const owner = await createUser(`${label}-owner`);
  const ws = await callerFor(owner).workspace.create({ name: `${label} ${randomUUID().slice(0, 6)}`, timeZone: "UTC" });
  const members = {} as Record<Role, Member>;
  for (const role of ROLES) {
    const actor = role === "owner" ? owner : await createUser(`${label}-${role}`);
    const membership =
      role === "owner"
        ? await db.membership.findFirstOrThrow({ where: { workspaceId: ws.id, userId: owner.userId } })
        : await db.membership.create({ data: { workspaceId: ws.id, userId: actor.userId, role } });
    members[role] = { actor, memberId: membership.id, role, caller: callerFor(actor) };
  }
  return { id: ws.id, slug: ws.slug, members };
}

/**
 * Every tenant row of a workspace, for "nothing changed" assertions: the workspace's own row and the rows of
 * every table with a workspaceId column, listed from information_schema (a new table is included by itself).
 */
export async function snapshotWorkspace(workspaceId: string) {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text AS table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'workspaceId' ORDER BY table_name`;
  const snapshot: Record<string, unknown[]> = {
    workspaces: await db.$queryRaw<unknown[]>`SELECT * FROM workspaces WHERE id = ${workspaceId}`,
  };
  for (const { table_name } of tables) {
    // Ordered by the whole row, so the snapshot does not depend on the plan; the name comes from the catalog.
    snapshot[table_name] = await db.$queryRawUnsafe<unknown[]>(
      `SELECT * FROM "${table_name}" t WHERE "workspaceId" = $1 ORDER BY t::text`,
      workspaceId,
    );
  }
  return snapshot;
}

/** The code of a rejected tRPC call, or "OK" when it resolved. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (err) {
    return (err as { code?: string }).code ?? `THREW ${(err as Error).message}`;
  }
}

const HOUR_MS = 3_600_000;

/**
 * A loop from a seeded template for the workspace's candidate, with the given rounds (by index in the
 * template) booked to the given members, `offsetDays` ahead, two hours apart.
 */
export async function createBookedLoop(
  ws: TestWorkspace,
  opts: {
    template: string;
    bookings: [roundIndex: number, member: Member][];
    offsetDays?: number;
    candidateMemberId?: string;
    level?: "entry" | "mid" | "senior";
    targetRole?: string;
    notes?: string;
  },
) {
  const template = await db.loopTemplate.findFirstOrThrow({ where: { workspaceId: ws.id, key: opts.template } });
  const coach = ws.members.coach.caller;
  const { id: loopId } = await coach.loop.create({
    workspaceId: ws.id,
    candidateMemberId: opts.candidateMemberId ?? ws.members.candidate.memberId,
    templateId: template.id,
    targetRole: opts.targetRole ?? "Backend engineer",
    level: opts.level ?? "mid",
    notes: opts.notes ?? "",
  });
  const rounds = await db.round.findMany({ where: { loopId }, orderBy: { order: "asc" } });
  // On the hour, as real bookings are (calendar files carry whole seconds).
  const start = Math.ceil((Date.now() + (opts.offsetDays ?? 7) * 24 * HOUR_MS) / HOUR_MS) * HOUR_MS;
  await coach.schedule.book({
    workspaceId: ws.id,
    loopId,
    bookings: opts.bookings.map(([i, member], n) => ({
      roundId: rounds[i]!.id,
      interviewerMemberId: member.memberId,
      startsAt: new Date(start + n * 2 * HOUR_MS),
    })),
  });
  return { loopId, rounds };
}

/**
 * The round takes place: its booking moves 90 days back (relative spacing kept, so no two rounds of one
 * person overlap), as if the clock had moved on. Scorecards can be submitted only once a round has begun.
 */
export async function roundHasStarted(roundId: string) {
  const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, select: { startsAt: true, endsAt: true } });
  if (!round.startsAt || !round.endsAt || round.startsAt.getTime() <= Date.now()) return;
  const back = 90 * 24 * HOUR_MS;
  await db.round.update({
    where: { id: roundId },
    data: { startsAt: new Date(round.startsAt.getTime() - back), endsAt: new Date(round.endsAt.getTime() - back) },
  });
}

/**
 * Each member opens, fills and submits their scorecard for a round: `rate(signalIndex, signalKey)` gives
 * the rating (1–4). Returns the scorecard ids in order.
 */
export async function submitScorecards(
  ws: TestWorkspace,
  entries: {
    roundId: string;
    member: Member;
    rate: (index: number, key: string) => 1 | 2 | 3 | 4;
    recommendation?: "strong_no" | "no" | "yes" | "strong_yes";
    marker?: string;
    redFlag?: boolean;
  }[],
) {
  const ids: string[] = [];
  for (const { roundId, member, rate, recommendation, marker = "", redFlag } of entries) {
    const opened = await member.caller.scorecard.open({ workspaceId: ws.id, roundId });
    const ratings = Object.fromEntries(
      opened.rubric.signals.map((s, j) => [s.key, { rating: rate(j, s.key), evidence: `evidence ${j} ${marker}` }]),
    );
    const saved = await member.caller.scorecard.save({
      workspaceId: ws.id,
      roundId,
      expectedVersion: opened.scorecard.version,
      ratings,
      redFlagKeys: redFlag ? [opened.rubric.redFlags[0]!.key] : [],
      recommendation: recommendation ?? "yes",
      summary: `summary ${marker}`,
    });
    await roundHasStarted(roundId);
    await member.caller.scorecard.submit({ workspaceId: ws.id, roundId, expectedVersion: saved.version });
    ids.push(opened.scorecard.id);
  }
  await settleCalibration(ws);
  return ids;
}

/** Runs the background calibration worker's pending fits for the workspace now, as the app would within a second. */
export async function settleCalibration(ws: { id: string }, now?: Date) {
  return runDueCohortFits(db, { workspaceId: ws.id, now });
}

/** Records the coach's debrief decision for a loop. */
export async function decideLoop(ws: TestWorkspace, loopId: string, marker = "") {
  await ws.members.coach.caller.debrief.decide({
    workspaceId: ws.id,
    loopId,
    decision: "not_yet",
    rationale: `rationale ${marker}`,
    notes: `debrief notes ${marker}`,
  });
}

/** A member of `role` added to the workspace (beyond the one per role of createWorkspaceWithRoles). */
export async function addMember(ws: TestWorkspace, role: Role, label: string = role): Promise<Member> {
  const actor = await createUser(`${label}-extra`);
  const membership = await db.membership.create({ data: { workspaceId: ws.id, userId: actor.userId, role } });
  return { actor, memberId: membership.id, role, caller: callerFor(actor) };
}

/**
 * A loop (entry-coding-focus) for `candidate` with its rounds 1 and 2 booked to the interviewer and the owner,
 * both scorecards submitted with `marker` in their free text (rating `rate(scorecard, signal)`), calibration
 * settled and the coach's decision recorded. Returns the loop's id.
 */
export async function decidedLoop(
  ws: TestWorkspace,
  opts: {
    marker?: string;
    candidate?: Member;
    offsetDays?: number;
    rate?: (scorecard: number, signal: number) => 1 | 2 | 3 | 4;
    /** Each scorecard also raises the rubric's first red flag. */
    redFlag?: boolean;
  } = {},
) {
  const marker = opts.marker ?? "";
  const rate = opts.rate ?? ((i: number, j: number) => (((i + j) % 4) + 1) as 1 | 2 | 3 | 4);
  const panel = [ws.members.interviewer, ws.members.owner];
  const { loopId, rounds } = await createBookedLoop(ws, {
    template: "entry-coding-focus",
    bookings: panel.map((member, i) => [i + 1, member]),
    offsetDays: opts.offsetDays,
    candidateMemberId: opts.candidate?.memberId,
    notes: `loop notes ${marker}`,
  });
  await submitScorecards(
    ws,
    panel.map((member, i) => ({
      roundId: rounds[i + 1]!.id,
      member,
      rate: (j: number) => rate(i, j),
      recommendation: i ? ("no" as const) : ("yes" as const),
      marker,
      redFlag: opts.redFlag,
    })),
  );
  await decideLoop(ws, loopId, marker);
  return loopId;
}
