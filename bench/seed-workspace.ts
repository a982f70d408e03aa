// The benchmark workspace: `loops` loops × 5 rounds, written with bulk SQL (generate_series), not through
// the services: a year of loops, 20 interviewers, one candidate per five loops, ~80% of ended rounds with a
// submitted scorecard of 8 signals, debriefs, released reports, moves and cancellations in the audit log, and
// stored calibrated scores for the fit. Row ids start with `prefix`, so one database can hold several.
import { randomUUID } from "node:crypto";
import type { Db } from "../src/server/db";
import type { Scope } from "../src/server/services/scope";

export const ROUNDS = 5;
export const INTERVIEWERS = 20;

export async function seedBenchWorkspace(db: Db, options: { loops: number; prefix?: string }) {
  const LOOPS = options.loops;
  const CANDIDATES = Math.max(1, Math.floor(LOOPS / 5));
  const p = options.prefix ?? "bench";
  const { createWorkspace } = await import("../src/server/services/workspace");
  const email = (label: string) => `${label}-${randomUUID().slice(0, 6)}@bench.test`;
  const owner = await db.user.create({ data: { email: email("coach"), name: "Coach" } });
  const ws = await createWorkspace(
    db,
    { userId: owner.id, email: owner.email, name: owner.name, timeZone: null },
    { name: "Bench", timeZone: "Europe/Berlin" },
  );
  const ownerMember = await db.membership.findFirstOrThrow({ where: { workspaceId: ws.id, userId: owner.id } });
  const scope: Scope = { workspaceId: ws.id, userId: owner.id, memberId: ownerMember.id, role: "owner" };
  const roundType = await db.roundType.findFirstOrThrow({ where: { workspaceId: ws.id, key: "coding" } });
  const rubricVersion = await db.rubricVersion.findFirstOrThrow({
    where: { workspaceId: ws.id, rubric: { roundTypeId: roundType.id }, status: "published" },
    include: { signals: { orderBy: { order: "asc" } } },
  });
  const template = await db.loopTemplate.findFirstOrThrow({ where: { workspaceId: ws.id } });
  const signalKeys = rubricVersion.signals.map((s) => s.key);

  const w = ws.id;
  await db.$executeRaw`INSERT INTO users (id, email, name)
    SELECT ${p}::text || '-u-' || g, ${p}::text || '-' || g || '@bench.test', 'Person ' || g FROM generate_series(1, ${INTERVIEWERS + CANDIDATES}) g`;
  await db.$executeRaw`INSERT INTO memberships (id, "workspaceId", "userId", role)
    SELECT ${p}::text || '-m-' || g, ${w}, ${p}::text || '-u-' || g,
      (CASE WHEN g <= ${INTERVIEWERS} THEN 'interviewer' ELSE 'candidate' END)::"Role"
    FROM generate_series(1, ${INTERVIEWERS + CANDIDATES}) g`;
  await db.$executeRaw`INSERT INTO scheduling_profiles (id, "workspaceId", "memberId", "roundTypeKeys", "weeklyCap", weekly, exceptions, "updatedAt")
    SELECT ${p}::text || '-p-' || g, ${w}, ${p}::text || '-m-' || g, ARRAY['coding'], 6 + g % 5, '[]'::jsonb, '[]'::jsonb, now()
    FROM generate_series(1, ${INTERVIEWERS}) g`;
  // Loop i: created (LOOPS − i) × (365 / LOOPS) days ago, for candidate i % CANDIDATES; statuses and levels cycle.
  await db.$executeRaw`INSERT INTO loops (id, "workspaceId", "candidateMemberId", "coachMemberId", "templateId", "targetRole", level, status, "createdAt", "updatedAt")
    SELECT ${p}::text || '-l-' || i, ${w}, ${p}::text || '-m-' || (${INTERVIEWERS} + 1 + i % ${CANDIDATES}), ${ownerMember.id},
      CASE WHEN i % 2 = 0 THEN ${template.id} END,
      (ARRAY['Backend engineer', 'Frontend engineer', 'Data engineer'])[1 + i % 3],
      (ARRAY['entry', 'mid', 'senior'])[1 + i % 3]::"Level",
      (ARRAY['scheduling', 'scheduled', 'in_progress', 'debrief', 'completed', 'completed', 'completed', 'cancelled'])[1 + i % 8]::"LoopStatus",
      now() - make_interval(secs => (${LOOPS} - i) * 365 * 86400.0 / ${LOOPS}), now()
    FROM generate_series(0, ${LOOPS - 1}) i`;
  // Round g = i × ROUNDS + r: interviewer g % INTERVIEWERS, one hour, a day after its loop's creation plus
  // (g / INTERVIEWERS) hours of spacing within the interviewer (never two at once for one person).
  await db.$executeRaw`INSERT INTO rounds (id, "workspaceId", "loopId", "order", "roundTypeId", "rubricVersionId", "interviewerMemberId", "durationMin", "startsAt", "endsAt", status, "cancelledAt", "icsUid", "updatedAt")
    SELECT ${p}::text || '-r-' || g, ${w}, ${p}::text || '-l-' || (g / ${ROUNDS}), g % ${ROUNDS}, ${roundType.id}, ${rubricVersion.id},
      ${p}::text || '-m-' || (1 + g % ${INTERVIEWERS}), 60,
      date_trunc('hour', now()) - make_interval(hours => ((${LOOPS * ROUNDS} - g) / ${INTERVIEWERS}) * 2 + 24 * (g % 7)),
      date_trunc('hour', now()) - make_interval(hours => ((${LOOPS * ROUNDS} - g) / ${INTERVIEWERS}) * 2 + 24 * (g % 7) - 1),
      (CASE WHEN g % 23 = 0 THEN 'cancelled' WHEN g % 11 = 0 THEN 'unscheduled' ELSE 'scheduled' END)::"RoundStatus",
      CASE WHEN g % 23 = 0 THEN now() END,
      ${p}::text || '-ics-' || g, now()
    FROM generate_series(0, ${LOOPS * ROUNDS - 1}) g`;
  // A scorecard for ~80% of booked rounds that have ended, 1 to 100 hours after the end.
  await db.$executeRaw`INSERT INTO scorecards (id, "workspaceId", "loopId", "roundId", "interviewerMemberId", "rubricVersionId", status, ratings, "redFlagKeys", recommendation, "submittedAt", "updatedAt")
    SELECT ${p}::text || '-s-' || r.id, ${w}, r."loopId", r.id, r."interviewerMemberId", r."rubricVersionId", 'submitted',
      (SELECT jsonb_object_agg(k, jsonb_build_object('rating', 1 + (abs(hashtext(r.id || k)) % 4), 'evidence', 'seen'))
         FROM unnest(${signalKeys}::text[]) k),
      '{}', 'yes', r."endsAt" + make_interval(hours => 1 + abs(hashtext(r.id)) % 100), now()
    FROM rounds r
    WHERE r."workspaceId" = ${w} AND r.status = 'scheduled' AND r."endsAt" < now() AND abs(hashtext(r.id || 's')) % 5 <> 0`;
  await db.$executeRaw`INSERT INTO debriefs (id, "workspaceId", "loopId", decision, "decidedAt", "updatedAt")
    SELECT ${p}::text || '-d-' || l.id, ${w}, l.id, (ARRAY['ready', 'not_yet', 'another_loop'])[1 + abs(hashtext(l.id)) % 3]::"DebriefDecision", now(), now()
    FROM loops l WHERE l."workspaceId" = ${w} AND l.status = 'completed'`;
  await db.$executeRaw`INSERT INTO feedback_reports (id, "workspaceId", "loopId", "candidateMemberId", status, draft, "releasedVersion", "updatedAt")
    SELECT ${p}::text || '-f-' || d."loopId", ${w}, d."loopId", NULL, 'released', '{}'::jsonb, 1, now()
    FROM debriefs d WHERE d."workspaceId" = ${w} AND abs(hashtext(d."loopId")) % 3 <> 0`;
  await db.$executeRaw`INSERT INTO audit_events (id, "workspaceId", action, "targetType", "targetId", "createdAt")
    SELECT ${p}::text || '-a-' || r.id, ${w}, CASE WHEN r.status = 'cancelled' THEN 'round.cancelled' ELSE 'round.rescheduled' END,
      'round', r.id, r."startsAt" - interval '3 days'
    FROM rounds r WHERE r."workspaceId" = ${w} AND (r.status = 'cancelled' OR abs(hashtext(r.id || 'm')) % 10 = 0)`;
  // The stored fit: one row per loop with scorecards, overall and two dimensions, as the worker writes them.
  await db.$executeRaw`UPDATE cohort_fits SET "fitId" = ${p}::text || '-fit', "fittedVersion" = "ratingsVersion", since = now() - interval '365 days', "fittedAt" = now()
    WHERE "workspaceId" = ${w}`;
  await db.$executeRaw`INSERT INTO cohort_loop_scores ("workspaceId", "fitId", "loopId", scores)
    SELECT ${w}, ${p}::text || '-fit', s."loopId", jsonb_build_array(
      jsonb_build_object('kind', 'overall', 'key', NULL, 'raw', avg(x.v), 'calibrated', avg(x.v) - 0.1, 'standardError', 0.3, 'ratings', count(*), 'interviewers', 2, 'notCalibratedReason', NULL),
      jsonb_build_object('kind', 'group', 'key', 'coding', 'raw', avg(x.v), 'calibrated', avg(x.v) + 0.05, 'standardError', 0.35, 'ratings', count(*), 'interviewers', 2, 'notCalibratedReason', NULL),
      jsonb_build_object('kind', 'group', 'key', 'communication', 'raw', avg(x.v), 'calibrated', avg(x.v) - 0.05, 'standardError', 0.4, 'ratings', count(*), 'interviewers', 2, 'notCalibratedReason', NULL))
    FROM scorecards s CROSS JOIN LATERAL (SELECT (value->>'rating')::float8 AS v FROM jsonb_each(s.ratings)) x
    WHERE s."workspaceId" = ${w} GROUP BY s."loopId"`;
  await db.$executeRawUnsafe(`ANALYZE`);
  return { ws, scope, ownerMember };
}
