// Benchmark: the analytics page's query on a workspace of BENCH_LOOPS loops (default 5,000) × 5 rounds, on a
// scratch database of the PostgreSQL server. Run with `npm run bench:analytics`. The workspace is written with
// bulk SQL (generate_series), not through the services: a year of loops, 20 interviewers, 1,000 candidates,
// ~80% of ended rounds with a submitted scorecard of 8 signals, debriefs, released reports, moves and
// cancellations in the audit log, and stored calibrated scores for the fit. Prints the time of
// getAnalytics for the last 365 days (target: median under 500 ms) and its statement count.
import { randomUUID } from "node:crypto";
import type { Scope } from "../src/server/services/scope";
import { benchDatabase } from "./database";

const LOOPS = Number(process.env.BENCH_LOOPS ?? 5_000);
const ROUNDS = 5;
const INTERVIEWERS = 20;
const CANDIDATES = Math.max(1, Math.floor(LOOPS / 5));
const TARGET_MS = 500;

const { db } = await benchDatabase("loopwise_bench_analytics");

const { createWorkspace } = await import("../src/server/services/workspace");
const { getAnalytics } = await import("../src/server/services/analytics");
const { sqlStatements } = await import("../src/test/statements");

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

const seeded = performance.now();
const w = ws.id;
await db.$executeRaw`INSERT INTO users (id, email, name)
  SELECT 'bench-u-' || g, 'bench-' || g || '@bench.test', 'Person ' || g FROM generate_series(1, ${INTERVIEWERS + CANDIDATES}) g`;
await db.$executeRaw`INSERT INTO memberships (id, "workspaceId", "userId", role)
  SELECT 'bench-m-' || g, ${w}, 'bench-u-' || g,
    (CASE WHEN g <= ${INTERVIEWERS} THEN 'interviewer' ELSE 'candidate' END)::"Role"
  FROM generate_series(1, ${INTERVIEWERS + CANDIDATES}) g`;
await db.$executeRaw`INSERT INTO scheduling_profiles (id, "workspaceId", "memberId", "roundTypeKeys", "weeklyCap", weekly, exceptions, "updatedAt")
  SELECT 'bench-p-' || g, ${w}, 'bench-m-' || g, ARRAY['coding'], 6 + g % 5, '[]'::jsonb, '[]'::jsonb, now()
  FROM generate_series(1, ${INTERVIEWERS}) g`;
// Loop i: created (LOOPS − i) × (365 / LOOPS) days ago, for candidate i % CANDIDATES; statuses and levels cycle.
await db.$executeRaw`INSERT INTO loops (id, "workspaceId", "candidateMemberId", "coachMemberId", "templateId", "targetRole", level, status, "createdAt", "updatedAt")
  SELECT 'bench-l-' || i, ${w}, 'bench-m-' || (${INTERVIEWERS} + 1 + i % ${CANDIDATES}), ${ownerMember.id},
    CASE WHEN i % 2 = 0 THEN ${template.id} END,
    (ARRAY['Backend engineer', 'Frontend engineer', 'Data engineer'])[1 + i % 3],
    (ARRAY['entry', 'mid', 'senior'])[1 + i % 3]::"Level",
    (ARRAY['scheduling', 'scheduled', 'in_progress', 'debrief', 'completed', 'completed', 'completed', 'cancelled'])[1 + i % 8]::"LoopStatus",
    now() - make_interval(secs => (${LOOPS} - i) * 365 * 86400.0 / ${LOOPS}), now()
  FROM generate_series(0, ${LOOPS - 1}) i`;
// Round g = i × ROUNDS + r: interviewer g % INTERVIEWERS, one hour, a day after its loop's creation plus
// (g / INTERVIEWERS) hours of spacing within the interviewer (never two at once for one person).
await db.$executeRaw`INSERT INTO rounds (id, "workspaceId", "loopId", "order", "roundTypeId", "rubricVersionId", "interviewerMemberId", "durationMin", "startsAt", "endsAt", status, "cancelledAt", "icsUid", "updatedAt")
  SELECT 'bench-r-' || g, ${w}, 'bench-l-' || (g / ${ROUNDS}), g % ${ROUNDS}, ${roundType.id}, ${rubricVersion.id},
    'bench-m-' || (1 + g % ${INTERVIEWERS}), 60,
    date_trunc('hour', now()) - make_interval(hours => ((${LOOPS * ROUNDS} - g) / ${INTERVIEWERS}) * 2 + 24 * (g % 7)),
    date_trunc('hour', now()) - make_interval(hours => ((${LOOPS * ROUNDS} - g) / ${INTERVIEWERS}) * 2 + 24 * (g % 7) - 1),
    (CASE WHEN g % 23 = 0 THEN 'cancelled' WHEN g % 11 = 0 THEN 'unscheduled' ELSE 'scheduled' END)::"RoundStatus",
    CASE WHEN g % 23 = 0 THEN now() END,
    'bench-ics-' || g, now()
  FROM generate_series(0, ${LOOPS * ROUNDS - 1}) g`;
// A scorecard for ~80% of booked rounds that have ended, 1 to 100 hours after the end.
await db.$executeRaw`INSERT INTO scorecards (id, "workspaceId", "loopId", "roundId", "interviewerMemberId", "rubricVersionId", status, ratings, "redFlagKeys", recommendation, "submittedAt", "updatedAt")
  SELECT 'bench-s-' || r.id, ${w}, r."loopId", r.id, r."interviewerMemberId", r."rubricVersionId", 'submitted',
    (SELECT jsonb_object_agg(k, jsonb_build_object('rating', 1 + (abs(hashtext(r.id || k)) % 4), 'evidence', 'seen'))
       FROM unnest(${signalKeys}::text[]) k),
    '{}', 'yes', r."endsAt" + make_interval(hours => 1 + abs(hashtext(r.id)) % 100), now()
  FROM rounds r
  WHERE r."workspaceId" = ${w} AND r.status = 'scheduled' AND r."endsAt" < now() AND abs(hashtext(r.id || 's')) % 5 <> 0`;
await db.$executeRaw`INSERT INTO debriefs (id, "workspaceId", "loopId", decision, "decidedAt", "updatedAt")
  SELECT 'bench-d-' || l.id, ${w}, l.id, (ARRAY['ready', 'not_yet', 'another_loop'])[1 + abs(hashtext(l.id)) % 3]::"DebriefDecision", now(), now()
  FROM loops l WHERE l."workspaceId" = ${w} AND l.status = 'completed'`;
await db.$executeRaw`INSERT INTO feedback_reports (id, "workspaceId", "loopId", "candidateMemberId", status, draft, "releasedVersion", "updatedAt")
  SELECT 'bench-f-' || d."loopId", ${w}, d."loopId", NULL, 'released', '{}'::jsonb, 1, now()
  FROM debriefs d WHERE d."workspaceId" = ${w} AND abs(hashtext(d."loopId")) % 3 <> 0`;
await db.$executeRaw`INSERT INTO audit_events (id, "workspaceId", action, "targetType", "targetId", "createdAt")
  SELECT 'bench-a-' || r.id, ${w}, CASE WHEN r.status = 'cancelled' THEN 'round.cancelled' ELSE 'round.rescheduled' END,
    'round', r.id, r."startsAt" - interval '3 days'
  FROM rounds r WHERE r."workspaceId" = ${w} AND (r.status = 'cancelled' OR abs(hashtext(r.id || 'm')) % 10 = 0)`;
// The stored fit: one row per loop with scorecards, overall and two dimensions, as the worker writes them.
await db.$executeRaw`UPDATE cohort_fits SET "fitId" = 'bench-fit', "fittedVersion" = "ratingsVersion", since = now() - interval '365 days', "fittedAt" = now()
  WHERE "workspaceId" = ${w}`;
await db.$executeRaw`INSERT INTO cohort_loop_scores ("workspaceId", "fitId", "loopId", scores)
  SELECT ${w}, 'bench-fit', s."loopId", jsonb_build_array(
    jsonb_build_object('kind', 'overall', 'key', NULL, 'raw', avg(x.v), 'calibrated', avg(x.v) - 0.1, 'standardError', 0.3, 'ratings', count(*), 'interviewers', 2, 'notCalibratedReason', NULL),
    jsonb_build_object('kind', 'group', 'key', 'coding', 'raw', avg(x.v), 'calibrated', avg(x.v) + 0.05, 'standardError', 0.35, 'ratings', count(*), 'interviewers', 2, 'notCalibratedReason', NULL),
    jsonb_build_object('kind', 'group', 'key', 'communication', 'raw', avg(x.v), 'calibrated', avg(x.v) - 0.05, 'standardError', 0.4, 'ratings', count(*), 'interviewers', 2, 'notCalibratedReason', NULL))
  FROM scorecards s CROSS JOIN LATERAL (SELECT (value->>'rating')::float8 AS v FROM jsonb_each(s.ratings)) x
  WHERE s."workspaceId" = ${w} GROUP BY s."loopId"`;
await db.$executeRawUnsafe(`ANALYZE`);
const seedMs = performance.now() - seeded;

const counts = {
  loops: await db.loop.count({ where: { workspaceId: w } }),
  rounds: await db.round.count({ where: { workspaceId: w } }),
  scorecards: await db.scorecard.count({ where: { workspaceId: w } }),
};
const input = { period: "365d" as const };
const statements = (await sqlStatements(() => getAnalytics(db, scope, input))).length;
const times: number[] = [];
let result: Awaited<ReturnType<typeof getAnalytics>> | undefined;
for (let i = 0; i < 11; i++) {
  const t = performance.now();
  result = await getAnalytics(db, scope, input);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const median = times[5]!;
const filtered: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await getAnalytics(db, scope, { ...input, level: "mid", interviewerMemberId: "bench-m-3" });
  filtered.push(performance.now() - t);
}
filtered.sort((a, b) => a - b);

console.log(
  `analytics benchmark (PostgreSQL server): ${counts.loops} loops, ${counts.rounds} rounds, ${counts.scorecards} submitted scorecards (seeded in ${(seedMs / 1000).toFixed(1)} s)`,
);
console.log(
  `  last 365 days, no filter: ${statements} statements, median ${median.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times[10]!.toFixed(0)} ms`,
);
console.log(`  level + interviewer filter: median ${filtered[2]!.toFixed(0)} ms`);
console.log(
  `  figures: ${result!.submissions.overall.ended} rounds ended, median ${result!.submissions.overall.medianHours?.toFixed(1)} h to submit, ${result!.stages[0]!.loops} loops created, ${result!.improvement.length} dimensions with change, agreement α ${result!.agreement.overall?.toFixed(3)}`,
);
const pass = median < TARGET_MS;
console.log(pass ? `PASS: under ${TARGET_MS} ms` : `FAIL: over ${TARGET_MS} ms`);
process.exit(pass ? 0 : 1);
