// Calibration across candidates' loops: the cohort view (every loop on the same, severity-corrected scale),
// the interviewer calibration report, each a page at a time, and the fit's summary. All read the one cohort
// fit of ./cohort, the same one the debrief and the reports use, so a loop shows the same numbers on every page.
import type { CandidateScore } from "@/domain/calibration/results";
import { sqlPart } from "@/server/db";
import { readInterviewerEstimate, readInterviewerStats, readStoredScores } from "@/server/db/json";
import { loadCohort } from "./cohort";
import { literal, pageOf } from "./paging";
import type { Scope, Tx } from "./scope";

type CohortSort = "calibrated" | "raw" | "name";

/**
 * Each order ends with the loop's id, so loops with the same stored score keep one order from page to page;
 * the cursor (a loop id) resumes after that loop's (key, id). Numbers rank highest first, names A to Z.
 */
const COHORT_ORDER = {
  calibrated: { key: sqlPart`"calibrated"`, desc: true },
  raw: { key: sqlPart`"raw"`, desc: true },
  name: { key: sqlPart`lower("name")`, desc: false },
} satisfies Record<CohortSort, SortKey>;

type SortKey = { key: ReturnType<typeof sqlPart>; desc: boolean };

/**
 * The direction of a keyset order and the condition that resumes after the cursor's row: the rows of the
 * query's `matching` set whose (key, id) comes after the cursor row's, in that direction.
 */
function keyset(order: SortKey, cursor: string | undefined) {
  const direction = order.desc ? sqlPart`DESC` : sqlPart`ASC`;
  const resume = cursor
    ? sqlPart`WHERE (${order.key}, "id") ${order.desc ? sqlPart`<` : sqlPart`>`}
        (SELECT ${order.key}, "id" FROM matching WHERE "id" = ${cursor})`
    : sqlPart``;
  return { direction, resume };
}

interface CohortRow {
  id: string;
  candidateMemberId: string | null;
  targetRole: string;
  level: string;
  name: string;
  scores: unknown;
}

/**
 * One page of the cohort view, from the stored fit: the loops on the calibrated scale (ranked by calibrated
 * or raw score, or by name), or — `section: "notCalibrated"` — the loops that could not be calibrated
 * (only raw values and the reason; listed by name, never ranked). Filters, order and paging are in the
 * query: the loop's overall score is read from its stored scores in SQL. The first page also carries the
 * number of matching loops of its section (one count query). A page takes a fixed number of statements
 * whatever the size of the cohort.
 */
export async function getCohortPage(
  db: Tx,
  scope: Scope,
  input: {
    cursor?: string;
    limit: number;
    section: "ranked" | "notCalibrated";
    level?: "entry" | "mid" | "senior";
    targetRole?: string;
    from?: Date;
    to?: Date;
    sort: CohortSort;
  },
  now = new Date(),
) {
  const cohort = await loadCohort(db, scope.workspaceId, now);
  const dimensions = await db.dimension.findMany({
    where: { workspaceId: scope.workspaceId },
    orderBy: { order: "asc" },
    select: { key: true, name: true },
  });
  const meta = {
    dimensions,
    warnings: cohort.summary?.warnings ?? [],
    window: { since: cohort.since, loops: cohort.loops, truncated: cohort.truncated },
    updating: cohort.updating,
    fittedAt: cohort.fittedAt,
  };
  if (!cohort.fitId) return { ...meta, items: [], nextCursor: null, total: input.cursor ? null : 0 };

  const ranked = input.section === "ranked";
  // The candidate's display name as memberNames gives it (name, else email), or what the loop shows
  // without a member: kept in SQL so the list can be ordered by it.
  const matching = sqlPart`
    SELECT l."id", l."candidateMemberId", l."targetRole", l."level"::text AS "level", s."scores",
           (o.e ->> 'raw')::float8 AS "raw", (o.e ->> 'calibrated')::float8 AS "calibrated",
           COALESCE(NULLIF(btrim(u."name"), ''), NULLIF(btrim(u."email"), ''),
             CASE WHEN l."candidateMemberId" IS NULL THEN 'Invited candidate'
                  WHEN m."id" IS NULL THEN 'Candidate' ELSE 'Member' END) AS "name"
    FROM "cohort_loop_scores" s
    JOIN "loops" l ON l."workspaceId" = s."workspaceId" AND l."id" = s."loopId"
    CROSS JOIN LATERAL (
      SELECT e FROM jsonb_array_elements(s."scores") AS e WHERE e ->> 'kind' = 'overall' LIMIT 1
    ) AS o
    LEFT JOIN "memberships" m ON m."workspaceId" = l."workspaceId" AND m."id" = l."candidateMemberId"
    LEFT JOIN "users" u ON u."id" = m."userId"
    WHERE s."workspaceId" = ${scope.workspaceId} AND s."fitId" = ${cohort.fitId}
      AND ((o.e ->> 'calibrated') IS NOT NULL) = ${ranked}
      AND (${input.level ?? null}::text IS NULL OR l."level"::text = ${input.level ?? null})
      AND (${input.targetRole ?? null}::text IS NULL
           OR strpos(lower(l."targetRole"), lower(${input.targetRole ?? null})) > 0)
      AND (${input.from ?? null}::timestamp IS NULL OR l."createdAt" >= ${input.from ?? null})
      AND (${input.to ?? null}::timestamp IS NULL OR l."createdAt" <= ${input.to ?? null})`;
  // Loops that cannot be calibrated have no calibrated score to rank by: they are listed by name.
  const order = COHORT_ORDER[ranked ? input.sort : "name"];
  const { direction, resume } = keyset(order, input.cursor);
  const [rows, counted] = await Promise.all([
    db.$queryRaw<CohortRow[]>(sqlPart`
      WITH matching AS (${matching})
      SELECT "id", "candidateMemberId", "targetRole", "level", "name", "scores" FROM matching ${resume}
      ORDER BY ${order.key} ${direction}, "id" ${direction}
      LIMIT ${input.limit + 1}`),
    input.cursor
      ? null
      : db.$queryRaw<{ total: number }[]>(sqlPart`SELECT count(*)::int AS "total" FROM (${matching}) AS m`),
  ]);
  const page = pageOf(rows, input.limit);
  return {
    ...meta,
    items: page.items.map((row) => presentCohortRow(row)),
    nextCursor: page.nextCursor,
    total: counted ? (counted[0]?.total ?? 0) : null,
  };
}

function presentCohortRow(row: CohortRow) {
  const scores: Omit<CandidateScore, "candidateId">[] = readStoredScores(
    typeof row.scores === "string" ? JSON.parse(row.scores) : row.scores,
  );
  const overall = scores.find((c) => c.kind === "overall")!;
  return {
    id: row.id,
    loopId: row.id,
    candidateId: row.candidateMemberId,
    name: row.name,
    loop: `${row.targetRole} (${row.level})`,
    raw: overall.raw,
    calibrated: overall.calibrated,
    standardError: overall.standardError,
    ratings: overall.ratings,
    notCalibratedReason: overall.notCalibratedReason,
    byDimension: Object.fromEntries(
      scores
        .filter((c) => c.kind === "group")
        .map((c) => [c.key!, { raw: c.raw, calibrated: c.calibrated, standardError: c.standardError }]),
    ),
  };
}

/** The fit's summary shown beside the lists: the model, the notes on the data and inter-rater agreement. */
export async function getCalibrationSummary(db: Tx, scope: Scope, now = new Date()) {
  const cohort = await loadCohort(db, scope.workspaceId, now);
  return {
    warnings: cohort.summary?.warnings ?? [],
    model: cohort.summary?.model ?? {
      severitySd: null,
      gainSd: null,
      haloSd: null,
      noiseSd: null,
      iterations: 0,
      converged: true,
    },
    agreement: cohort.summary?.agreement ?? { bySignal: [], byDimension: [] },
    interviewers: cohort.interviewers,
    updating: cohort.updating,
    generatedAt: cohort.fittedAt,
  };
}

type InterviewerSort = "severity" | "ratings" | "name";

/** As COHORT_ORDER: each order ends with the member id. Severity and ratings highest first, names A to Z. */
const INTERVIEWER_ORDER = {
  severity: { key: sqlPart`"severity"`, desc: true },
  ratings: { key: sqlPart`"ratings"`, desc: true },
  name: { key: sqlPart`lower("name")`, desc: false },
} satisfies Record<InterviewerSort, SortKey>;

interface InterviewerRow {
  id: string;
  name: string;
  estimate: unknown;
  stats: unknown;
}

/**
 * One page of the interviewer report, from the stored fit: the interviewers in the connected panel (ranked by
 * severity or ratings, or by name), or — `section: "notCalibrated"` — those whose severity cannot be
 * estimated (listed by name with the reason, never ranked among the others). Search (the name as shown,
 * matched literally), order and paging are in the query, and so is picking the page's statistics (panel gap,
 * time to submit) out of the fit's summary. The first page also carries the number of matching interviewers of
 * its section. A fixed number of statements whatever the number of interviewers.
 */
export async function getInterviewerPage(
  db: Tx,
  scope: Scope,
  input: {
    cursor?: string;
    limit: number;
    section: "calibrated" | "notCalibrated";
    sort: InterviewerSort;
    search?: string;
  },
  now = new Date(),
) {
  const cohort = await loadCohort(db, scope.workspaceId, now);
  const meta = { updating: cohort.updating, generatedAt: cohort.fittedAt };
  if (!cohort.fitId) return { ...meta, items: [], nextCursor: null, total: input.cursor ? null : 0 };

  const calibrated = input.section === "calibrated";
  const search = input.search ? `%${literal(input.search)}%` : null;
  const matching = sqlPart`
    SELECT i."memberId" AS "id", i."estimate",
           (i."estimate" ->> 'severity')::float8 AS "severity", (i."estimate" ->> 'ratings')::int AS "ratings",
           COALESCE(NULLIF(btrim(u."name"), ''), NULLIF(btrim(u."email"), ''),
             CASE WHEN m."id" IS NULL THEN 'Interviewer' ELSE 'Member' END) AS "name"
    FROM "cohort_interviewers" i
    LEFT JOIN "memberships" m ON m."workspaceId" = i."workspaceId" AND m."id" = i."memberId"
    LEFT JOIN "users" u ON u."id" = m."userId"
    WHERE i."workspaceId" = ${scope.workspaceId} AND i."fitId" = ${cohort.fitId}
      AND (COALESCE((i."estimate" ->> 'identifiable')::boolean, false)
           AND (i."estimate" ->> 'severity') IS NOT NULL) = ${calibrated}`;
  const named = sqlPart`SELECT * FROM (${matching}) AS n WHERE ${search}::text IS NULL OR n."name" ILIKE ${search}`;
  // Interviewers outside the panel have no severity to rank by: they are listed by name.
  const order = INTERVIEWER_ORDER[calibrated ? input.sort : "name"];
  const { direction, resume } = keyset(order, input.cursor);
  const [rows, counted] = await Promise.all([
    // The summary's per-interviewer list is expanded in the database and only the page's entries come back.
    db.$queryRaw<InterviewerRow[]>(sqlPart`
      WITH matching AS (${named}),
      page AS (
        SELECT "id", "name", "estimate", "severity", "ratings" FROM matching ${resume}
        ORDER BY ${order.key} ${direction}, "id" ${direction}
        LIMIT ${input.limit + 1}),
      stats AS (
        SELECT e FROM "cohort_fits" f CROSS JOIN LATERAL jsonb_array_elements(f."summary" -> 'interviewers') AS e
        WHERE f."workspaceId" = ${scope.workspaceId} AND f."fitId" = ${cohort.fitId})
      SELECT p."id", p."name", p."estimate", s.e AS "stats"
      FROM page p LEFT JOIN stats s ON s.e ->> 'interviewerId' = p."id"
      ORDER BY ${order.key} ${direction}, p."id" ${direction}`),
    input.cursor
      ? null
      : db.$queryRaw<{ total: number }[]>(sqlPart`SELECT count(*)::int AS "total" FROM (${named}) AS m`),
  ]);
  const page = pageOf(rows, input.limit);
  return {
    ...meta,
    items: page.items.map(presentInterviewerRow),
    nextCursor: page.nextCursor,
    total: counted ? (counted[0]?.total ?? 0) : null,
  };
}

/** An interviewer's severity, gain, spread, volume, agreement with the panel and time to submit. */
function presentInterviewerRow(row: InterviewerRow) {
  const parse = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
  const i = readInterviewerEstimate(parse(row.estimate));
  const s = row.stats === null ? null : readInterviewerStats(parse(row.stats));
  return {
    id: row.id,
    interviewerId: row.id,
    name: row.name,
    severity: i.severity,
    standardError: i.standardError,
    gain: i.gain,
    gainStandardError: i.gainStandardError,
    spread: i.spread,
    // Approximate standard error of a standard deviation estimated from n ratings (docs/calibration.md).
    spreadStandardError: i.spread !== null && i.ratings > 1 ? i.spread / Math.sqrt(2 * (i.ratings - 1)) : null,
    ratings: i.ratings,
    notCalibratedReason: i.notCalibratedReason,
    scorecards: s?.scorecards ?? i.scorecards,
    identifiable: i.identifiable,
    panelGap: s?.panelGap ?? null,
    medianHoursToSubmit: s?.medianHoursToSubmit ?? null,
  };
}
