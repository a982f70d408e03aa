// The analytics page's SQL: one aggregate statement per figure, whatever the number of loops. Every statement
// filters by the workspace, works out the loops the filters keep in a CTE, and returns grouped rows only
// (per interviewer, week, month, status, dimension or pair of rating values), never one row per loop.
// Weeks and months are cut in the workspace's zone; timestamps are stored as UTC `timestamp` columns.
import { Prisma } from "@/generated/prisma/client";
import type { AuditAction } from "@/domain/audit";
import type { Tx } from "./scope";

export interface AnalyticsFilter {
  workspaceId: string;
  zone: string;
  /** First and last day of the period (included), in the workspace's zone. */
  from: string;
  to: string;
  now: Date;
  level?: string;
  targetRole?: string;
  templateId?: string;
  interviewerMemberId?: string;
}

const utc = (at: Date) => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
/** Midnight starting `day` in the workspace's zone, as a UTC timestamp. */
const midnight = (day: string, zone: string) =>
  Prisma.sql`((${day}::date)::timestamp AT TIME ZONE ${zone} AT TIME ZONE 'UTC')`;
/** Whether a UTC timestamp column falls in the period. */
const inPeriod = (column: Prisma.Sql, f: AnalyticsFilter) =>
  Prisma.sql`${column} >= ${midnight(f.from, f.zone)} AND ${column} < ${midnight(addDay(f.to), f.zone)}`;
/** The start of the week or month holding a UTC timestamp column, as a local day (YYYY-MM-DD). */
const bucket = (unit: "week" | "month", column: Prisma.Sql, zone: string) =>
  Prisma.sql`to_char(date_trunc(${unit}, (${column} AT TIME ZONE 'UTC') AT TIME ZONE ${zone}), 'YYYY-MM-DD')`;

function addDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The loops the filters keep (all dates), as the CTE `f`: id, candidate, status, created. */
function filteredLoops(f: AnalyticsFilter, options: { createdInPeriod?: boolean } = {}) {
  const where: Prisma.Sql[] = [Prisma.sql`l."workspaceId" = ${f.workspaceId}`];
  if (f.level) where.push(Prisma.sql`l."level"::text = ${f.level}`);
  if (f.targetRole) where.push(Prisma.sql`l."targetRole" ILIKE ${likeText(f.targetRole)}`);
  if (f.templateId) where.push(Prisma.sql`l."templateId" = ${f.templateId}`);
  if (f.interviewerMemberId)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "rounds" x WHERE x."workspaceId" = ${f.workspaceId}
      AND x."loopId" = l."id" AND x."interviewerMemberId" = ${f.interviewerMemberId})`);
  if (options.createdInPeriod) where.push(inPeriod(Prisma.sql`l."createdAt"`, f));
  return Prisma.sql`f AS (SELECT l."id", l."candidateMemberId", l."status", l."createdAt" FROM "loops" l
    WHERE ${Prisma.join(where, " AND ")})`;
}

const onlyInterviewer = (f: AnalyticsFilter, column: Prisma.Sql) =>
  f.interviewerMemberId ? Prisma.sql`AND ${column} = ${f.interviewerMemberId}` : Prisma.empty;

export interface SubmissionRow {
  /** Null on the row of all interviewers together. */
  memberId: string | null;
  name: string | null;
  email: string | null;
  ended: number;
  submitted: number;
  overdue: number;
  medianHours: number | null;
  p90Hours: number | null;
}

/**
 * Rounds that ended in the period (booked, with an interviewer, in a loop not cancelled): how long after the
 * end their interviewer's scorecard was submitted, overall and per interviewer. `dueBefore`: a round that
 * ended before it and still has no submitted scorecard is overdue (open loops only, as on the coach's home).
 */
export function submissionTimes(db: Tx, f: AnalyticsFilter, dueBefore: Date) {
  return db.$queryRaw<SubmissionRow[]>`
    WITH ${filteredLoops(f)},
    r AS (
      SELECT r."interviewerMemberId" AS member, r."endsAt", f."status", s."submittedAt",
        -- GREATEST skips nulls, so an unsubmitted round must stay null here (percentile_cont skips it).
        CASE WHEN s."submittedAt" IS NOT NULL
          THEN GREATEST(0, EXTRACT(EPOCH FROM (s."submittedAt" - r."endsAt")) / 3600.0)::float8 END AS hours
      FROM "rounds" r JOIN f ON f."id" = r."loopId"
      LEFT JOIN "scorecards" s ON s."workspaceId" = r."workspaceId" AND s."roundId" = r."id"
        AND s."interviewerMemberId" = r."interviewerMemberId" AND s."status" = 'submitted'
      WHERE r."workspaceId" = ${f.workspaceId} AND r."status" = 'scheduled' AND r."interviewerMemberId" IS NOT NULL
        AND f."status" <> 'cancelled' AND r."endsAt" <= ${utc(f.now)} AND ${inPeriod(Prisma.sql`r."endsAt"`, f)}
        ${onlyInterviewer(f, Prisma.sql`r."interviewerMemberId"`)}
    )
    SELECT r.member AS "memberId", u."name", u."email",
      count(*)::int AS "ended", count(r."submittedAt")::int AS "submitted",
      count(*) FILTER (WHERE r."submittedAt" IS NULL AND r."endsAt" < ${utc(dueBefore)}
        AND r."status" NOT IN ('completed', 'cancelled'))::int AS "overdue",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY r.hours) AS "medianHours",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY r.hours) AS "p90Hours"
    FROM r LEFT JOIN "memberships" m ON m."id" = r.member AND m."workspaceId" = ${f.workspaceId}
    LEFT JOIN "users" u ON u."id" = m."userId"
    GROUP BY GROUPING SETS ((), (r.member, u."name", u."email"))
    ORDER BY r.member NULLS FIRST`;
}

export interface StatusRow {
  status: string | null;
  decision: string | null;
  /** 1 on rows counted by decision, 0 on rows counted by status. */
  byDecision: number;
  loops: number;
}

/** Loops created in the period, counted by status and by debrief decision (null: none yet). */
export function loopsByStatus(db: Tx, f: AnalyticsFilter) {
  return db.$queryRaw<StatusRow[]>`
    WITH ${filteredLoops(f, { createdInPeriod: true })}
    SELECT f."status"::text AS "status", d."decision"::text AS "decision",
      GROUPING(f."status")::int AS "byDecision", count(*)::int AS "loops"
    FROM f LEFT JOIN "debriefs" d ON d."workspaceId" = ${f.workspaceId} AND d."loopId" = f."id"
    GROUP BY GROUPING SETS ((f."status"), (d."decision"))`;
}

export interface StageRow {
  created: number;
  scheduled: number;
  scorecards_in: number;
  debriefed: number;
  released: number;
}

/**
 * Loops created in the period that reached each stage, each stage within the one before: every round that
 * counts (not cancelled) booked; each with its interviewer's submitted scorecard; a debrief decision; a
 * released report.
 */
export function stages(db: Tx, f: AnalyticsFilter) {
  return db.$queryRaw<StageRow[]>`
    WITH ${filteredLoops(f, { createdInPeriod: true })},
    per AS (
      SELECT f."id",
        count(r."id") FILTER (WHERE r."status" <> 'cancelled') AS active,
        count(r."id") FILTER (WHERE r."status" = 'scheduled') AS booked,
        count(s."id") FILTER (WHERE r."status" = 'scheduled') AS submitted
      FROM f LEFT JOIN "rounds" r ON r."workspaceId" = ${f.workspaceId} AND r."loopId" = f."id"
      LEFT JOIN "scorecards" s ON s."workspaceId" = r."workspaceId" AND s."roundId" = r."id"
        AND s."interviewerMemberId" = r."interviewerMemberId" AND s."status" = 'submitted'
      GROUP BY f."id"
    ),
    staged AS (
      SELECT per.*, (per.active > 0 AND per.booked = per.active) AS is_scheduled,
        (per.active > 0 AND per.booked = per.active AND per.submitted = per.active) AS is_in,
        d."decision" IS NOT NULL AS is_decided, coalesce(rep."releasedVersion", 0) > 0 AS is_released
      FROM per
      LEFT JOIN "debriefs" d ON d."workspaceId" = ${f.workspaceId} AND d."loopId" = per."id"
      LEFT JOIN "feedback_reports" rep ON rep."workspaceId" = ${f.workspaceId} AND rep."loopId" = per."id"
    )
    SELECT count(*)::int AS "created",
      count(*) FILTER (WHERE is_scheduled)::int AS "scheduled",
      count(*) FILTER (WHERE is_in)::int AS "scorecards_in",
      count(*) FILTER (WHERE is_in AND is_decided)::int AS "debriefed",
      count(*) FILTER (WHERE is_in AND is_decided AND is_released)::int AS "released"
    FROM staged`;
}

export interface ChangeRow {
  dimension: string;
  name: string | null;
  pairs: number;
  mean: number;
  sd: number | null;
  pairSe: number | null;
}

/**
 * Change of each dimension's calibrated score between a candidate's consecutive loops (by creation), read
 * from the stored fit `fitId` (cohort_loop_scores); a pair counts when its later loop was created in the period.
 */
export function dimensionChanges(db: Tx, f: AnalyticsFilter, fitId: string) {
  return db.$queryRaw<ChangeRow[]>`
    WITH ${filteredLoops(f)},
    dims AS (
      SELECT f."id", f."candidateMemberId" AS candidate, f."createdAt", e->>'key' AS dimension,
        (e->>'calibrated')::float8 AS calibrated,
        CASE WHEN jsonb_typeof(e->'standardError') = 'number' THEN (e->>'standardError')::float8 END AS se
      FROM f JOIN "cohort_loop_scores" c ON c."workspaceId" = ${f.workspaceId} AND c."fitId" = ${fitId}
        AND c."loopId" = f."id"
      CROSS JOIN LATERAL jsonb_array_elements(c."scores") e
      WHERE f."candidateMemberId" IS NOT NULL AND e->>'kind' = 'group' AND jsonb_typeof(e->'calibrated') = 'number'
    ),
    steps AS (
      SELECT dimension, "createdAt", calibrated - lag(calibrated) OVER w AS delta,
        sqrt(se ^ 2 + lag(se) OVER w ^ 2) AS pair_se
      FROM dims WINDOW w AS (PARTITION BY candidate, dimension ORDER BY "createdAt", "id")
    )
    SELECT s.dimension AS "dimension", dn."name", count(*)::int AS "pairs", avg(s.delta)::float8 AS "mean",
      stddev_samp(s.delta)::float8 AS "sd", max(s.pair_se)::float8 AS "pairSe"
    FROM steps s LEFT JOIN "dimensions" dn ON dn."workspaceId" = ${f.workspaceId} AND dn."key" = s.dimension
    WHERE s.delta IS NOT NULL AND ${inPeriod(Prisma.sql`s."createdAt"`, f)}
    GROUP BY s.dimension, dn."name", dn."order"
    ORDER BY dn."order" NULLS LAST, s.dimension`;
}

export interface LoadRow {
  memberId: string;
  name: string | null;
  email: string | null;
  weeklyCap: number | null;
  week: string;
  rounds: number;
}

/**
 * Rounds each interviewer is booked to lead, per week of the period: every round, whatever the filters on
 * loops (a cap counts them all); only the interviewer filter applies.
 */
export function weeklyLoad(db: Tx, f: AnalyticsFilter) {
  return db.$queryRaw<LoadRow[]>`
    SELECT r."interviewerMemberId" AS "memberId", u."name", u."email", sp."weeklyCap",
      ${bucket("week", Prisma.sql`r."startsAt"`, f.zone)} AS "week", count(*)::int AS "rounds"
    FROM "rounds" r
    JOIN "loops" l ON l."workspaceId" = r."workspaceId" AND l."id" = r."loopId"
    JOIN "memberships" m ON m."id" = r."interviewerMemberId" AND m."workspaceId" = ${f.workspaceId}
    JOIN "users" u ON u."id" = m."userId"
    LEFT JOIN "scheduling_profiles" sp ON sp."workspaceId" = ${f.workspaceId} AND sp."memberId" = m."id"
    WHERE r."workspaceId" = ${f.workspaceId} AND r."status" = 'scheduled' AND l."status" <> 'cancelled'
      AND ${inPeriod(Prisma.sql`r."startsAt"`, f)} ${onlyInterviewer(f, Prisma.sql`r."interviewerMemberId"`)}
    GROUP BY r."interviewerMemberId", u."name", u."email", sp."weeklyCap", "week"
    ORDER BY "week", r."interviewerMemberId"`;
}

export interface MoveRow {
  week: string;
  rescheduled: number;
  cancelled: number;
}

const MOVED: AuditAction = "round.rescheduled";
const CANCELLED: AuditAction = "round.cancelled";

/** Rounds moved and cancelled per week of the period, as the audit log recorded each (an undone cancellation too). */
export function movesByWeek(db: Tx, f: AnalyticsFilter) {
  return db.$queryRaw<MoveRow[]>`
    WITH ${filteredLoops(f)}
    SELECT ${bucket("week", Prisma.sql`a."createdAt"`, f.zone)} AS "week",
      count(*) FILTER (WHERE a."action" = ${MOVED})::int AS "rescheduled",
      count(*) FILTER (WHERE a."action" = ${CANCELLED})::int AS "cancelled"
    FROM "audit_events" a
    JOIN "rounds" r ON r."workspaceId" = ${f.workspaceId} AND r."id" = a."targetId"
    JOIN f ON f."id" = r."loopId"
    WHERE a."workspaceId" = ${f.workspaceId} AND a."targetType" = 'round' AND a."action" IN (${MOVED}, ${CANCELLED})
      AND ${inPeriod(Prisma.sql`a."createdAt"`, f)} ${onlyInterviewer(f, Prisma.sql`r."interviewerMemberId"`)}
    GROUP BY "week" ORDER BY "week"`;
}

export interface CoincidenceRow {
  month: string;
  /** Null on the rows that count units. */
  c: number | null;
  k: number | null;
  weight: number;
}

/** Rating values of a scorecard (1–4): the coincidences are summed per pair of them. */
const n = (v: number) => Prisma.raw(`n${v}`);
const VALUES = [1, 2, 3, 4];

/**
 * Krippendorff's coincidences per month: a unit is one loop's signal, its values the submitted ratings; a
 * loop belongs to the month of its last submitted scorecard (as for drift). With n_c the unit's count of
 * value c and m its size, a unit adds (n_c·n_k − [c = k]·n_c) / (m − 1) to o_ck, as in
 * src/domain/calibration/krippendorff.ts. Summed per month in SQL (one row of sums per month, 16 cells
 * each), so no rating leaves the database; rows with c = null count the month's units (in `weight`).
 */
export function agreementCoincidences(db: Tx, f: AnalyticsFilter) {
  const pairs = VALUES.flatMap((c) => VALUES.filter((k) => k >= c).map((k) => [c, k] as const));
  const sums = Prisma.join(
    [
      ...pairs.map(([c, k]) => Prisma.sql`sum(${n(c)} * ${n(k)} / (m - 1)) AS ${Prisma.raw(`s${c}${k}`)}`),
      ...VALUES.map((c) => Prisma.sql`sum(${n(c)} / (m - 1)) AS ${Prisma.raw(`t${c}`)}`),
    ],
    ", ",
  );
  const matrix = Prisma.raw(
    `ARRAY[${VALUES.map((c) => `ARRAY[${VALUES.map((k) => `s${Math.min(c, k)}${Math.max(c, k)}`).join(",")}]`).join(",")}]`,
  );
  const diagonal = Prisma.raw(`ARRAY[${VALUES.map((c) => `t${c}`).join(",")}]`);
  return db.$queryRaw<CoincidenceRow[]>`
    WITH ${filteredLoops(f)},
    last AS (
      SELECT s."loopId", ${bucket("month", Prisma.sql`max(s."submittedAt")`, f.zone)} AS month
      FROM "scorecards" s JOIN f ON f."id" = s."loopId"
      WHERE s."workspaceId" = ${f.workspaceId} AND s."status" = 'submitted' GROUP BY s."loopId"
      HAVING ${inPeriod(Prisma.sql`max(s."submittedAt")`, f)}
    ),
    -- Each loop's units in a small aggregate of its own (a handful of scorecards): no sort of every rating.
    units AS (
      SELECT last.month, u.*
      FROM last CROSS JOIN LATERAL (
        SELECT count(*)::float8 AS m,
          ${Prisma.join(
            VALUES.map(
              (c) => Prisma.sql`count(*) FILTER (WHERE (k.value->>'rating')::float8 = ${c})::float8 AS ${n(c)}`,
            ),
            ", ",
          )}
        FROM "scorecards" s CROSS JOIN LATERAL jsonb_each(s."ratings") k
        WHERE s."workspaceId" = ${f.workspaceId} AND s."loopId" = last."loopId" AND s."status" = 'submitted'
          AND jsonb_typeof(k.value->'rating') = 'number'
        GROUP BY k.key HAVING count(*) >= 2
      ) u
    ),
    agg AS (SELECT month, count(*)::float8 AS units, ${sums} FROM units GROUP BY month)
    SELECT month AS "month", c::float8 AS "c", k::float8 AS "k",
      (${matrix})[c][k] - CASE WHEN c = k THEN (${diagonal})[c] ELSE 0 END AS "weight"
    FROM agg CROSS JOIN generate_series(1, ${VALUES.length}) c CROSS JOIN generate_series(1, ${VALUES.length}) k
    UNION ALL
    SELECT month, NULL, NULL, units FROM agg`;
}

export interface DriftRow {
  month: string;
  loops: number;
  mean: number;
  sd: number | null;
}

/**
 * How far raw averages sit from the calibrated scores of the stored fit, per month (a loop in the month of its
 * last submitted scorecard): the mean of raw − calibrated overall scores. A month whose mean moves away from
 * the others is a month of harsher (below 0) or more lenient (above 0) rating than the panel's usual.
 */
export function calibrationDrift(db: Tx, f: AnalyticsFilter, fitId: string) {
  return db.$queryRaw<DriftRow[]>`
    WITH ${filteredLoops(f)},
    last AS (
      SELECT s."loopId", max(s."submittedAt") AS at FROM "scorecards" s JOIN f ON f."id" = s."loopId"
      WHERE s."workspaceId" = ${f.workspaceId} AND s."status" = 'submitted' GROUP BY s."loopId"
    ),
    gaps AS (
      SELECT ${bucket("month", Prisma.sql`last.at`, f.zone)} AS month,
        (e->>'raw')::float8 - (e->>'calibrated')::float8 AS gap
      FROM last JOIN "cohort_loop_scores" c ON c."workspaceId" = ${f.workspaceId} AND c."fitId" = ${fitId}
        AND c."loopId" = last."loopId"
      CROSS JOIN LATERAL jsonb_array_elements(c."scores") e
      WHERE e->>'kind' = 'overall' AND jsonb_typeof(e->'calibrated') = 'number'
        AND ${inPeriod(Prisma.sql`last.at`, f)}
    )
    SELECT month AS "month", count(*)::int AS "loops", avg(gap)::float8 AS "mean", stddev_samp(gap)::float8 AS "sd"
    FROM gaps GROUP BY month ORDER BY month`;
}
