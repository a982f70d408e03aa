// The loop board: loops in columns by status, filtered by level and role, paged per column.
import { Prisma } from "@/generated/prisma/client";
import { queryInTransaction } from "@/server/db";
import { displayName } from "@/domain/people";
import { BOARD_MORE_PAGE, LOOP_STATUSES, type LoopStatus } from "@/domain/loop-status";
import type { Level } from "@/schemas/library";
import { candidateName } from "../member-names";
import { after, literal, pageOf } from "../paging";
import { type Scope, type Tx } from "../scope";

/**
 * Loops per column on the board's first page: a product decision (#16) as much as a cost. Measured in
 * Chromium: a card is ~100 px tall with its gap, and the board begins ~565 px down a coach's page (below the
 * new-loop form and the filters). At 1440 × 900 the columns stand three abreast and a coach sees about three
 * cards of each without scrolling; at 390 px they stack, and a first page of 20 made each column ~2,100 px
 * tall, putting the fourth, Debrief, ~7,400 px down. Five cards make a column ~600 px, less than a phone's
 * screen, so every status is a flick or two away at either width; each column's count is exact and shown,
 * and "Show more" brings BOARD_MORE_PAGE at a time. It also bounds the board's cost: a grown workspace's first
 * page is 6 × 5 cards, not 6 × 21 (bench:board, README).
 */
export const BOARD_PAGE = 5;

export interface BoardFilter {
  level?: Level;
  /** Target role contains this (any case). */
  role?: string;
}

function boardWhere(scope: Scope, filter: BoardFilter) {
  return {
    workspaceId: scope.workspaceId,
    ...(filter.level ? { level: filter.level } : {}),
    ...(filter.role?.trim()
      ? { targetRole: { contains: literal(filter.role.trim()), mode: "insensitive" as const } }
      : {}),
  };
}

/**
 * One loop of a page, as cardRows sends it: a JSON array, its fields by position. The rounds come summarised
 * (kept on the loop's row, nextRoundAt), so a card costs the same whatever its rounds, and no Date is made for
 * it: the next round is ISO 8601 text in UTC, formatted for the viewer in one place, the browser's LocalTime.
 */
type CardRow = [
  id: string,
  status: LoopStatus,
  targetRole: string,
  level: Level,
  candidateMemberId: string | null,
  candidateInvitationId: string | null,
  /** The loops of this status (filters applied); only on the board's first pages. */
  count: number | null,
  memberFound: boolean,
  memberName: string | null,
  memberEmail: string | null,
  invitedEmail: string | null,
  rounds: number,
  scheduled: number,
  nextRoundAt: string | null,
];

/** What a card shows of a loop, for the board and the public API's list alike. */
function toCard(r: CardRow) {
  return {
    id: r[0],
    candidate: candidateName(
      { candidateMemberId: r[4], candidateInvitationId: r[5] },
      r[7] ? displayName({ name: r[8], email: r[9] }) : undefined,
      r[10] ?? undefined,
    ),
    targetRole: r[2],
    level: r[3],
    status: r[1],
    /** Rounds that are not cancelled. */
    rounds: r[11],
    /** Of those, the booked ones. */
    scheduled: r[12],
    /** The start of the earliest of those still to come (ISO 8601, UTC), null when none is. */
    nextRoundAt: r[13],
  };
}

/**
 * The status as a constant of the statement. Under row-level security PostgreSQL uses only leakproof operators
 * as index conditions, and enum equality is not one, so `status = x` never narrows an index scan for
 * loopwise_app; instead x proves the predicate of that status's partial index (loops_board_<status>_idx,
 * migration 20261205004000_board_status_indexes), whose scan then is the column. A bind parameter proves it
 * only in a plan made for its value; a constant also in a generic (prepared, reused) plan.
 */
function statusConstant(status: LoopStatus) {
  if (!/^[a-z_]+$/.test(status)) throw new Error(`not a loop status: ${status}`);
  return Prisma.raw(`'${status}'::"LoopStatus"`);
}

/** The loops of one column (filters applied), as a WHERE clause over `loops l`. */
function columnWhere(ws: string, filter: BoardFilter, status: LoopStatus) {
  const role = filter.role?.trim();
  return Prisma.sql`l."workspaceId" = ${ws} AND l."status" = ${statusConstant(status)}
    ${filter.level ? Prisma.sql`AND l."level" = ${filter.level}::"Level"` : Prisma.empty}
    ${role ? Prisma.sql`AND l."targetRole" ILIKE ${`%${literal(role)}%`}` : Prisma.empty}`;
}

/** What cardRows reads of a loop (alias l), for the pages it is given. */
const CARD_COLUMNS = Prisma.sql`l."id", l."status", l."targetRole", l."level", l."candidateMemberId",
  l."candidateInvitationId", l."updatedAt", l."activeRoundCount", l."scheduledRoundCount", l."activeRoundStarts"`;

/**
 * Up to `limit` loops of one column, newest change first (ties by id), after the loop `cursor` when given:
 * the one home of the board's order and cursor, for the first pages and "Show more" alike. The cursor loop's
 * (updatedAt, id) bounds the index scan (timestamp and text comparisons are leakproof), so a later page costs
 * what the first does.
 */
function columnPage(ws: string, filter: BoardFilter, status: LoopStatus, limit: number, cursor?: string) {
  const cursorAt = Prisma.sql`(SELECT c."updatedAt" FROM "loops" c WHERE c."workspaceId" = ${ws} AND c."id" = ${cursor})`;
  return Prisma.sql`SELECT ${CARD_COLUMNS}
    FROM "loops" l
    WHERE ${columnWhere(ws, filter, status)}
      ${cursor ? Prisma.sql`AND l."updatedAt" <= ${cursorAt} AND (l."updatedAt", l."id") < (${cursorAt}, ${cursor})` : Prisma.empty}
    ORDER BY l."updatedAt" DESC, l."id" DESC
    LIMIT ${limit}`;
}

/**
 * The earliest start still to come among a loop's rounds that are not cancelled, as ISO 8601 text with a Z, or
 * null: from `p`'s kept start times (migration 20261206003000_loop_round_summary), which are in ascending
 * order, so width_bucket (a binary search in C) counts those at or before `now` and the next one is the start
 * after them. Cheaper per card than a subquery over the array (~3 µs a card, measured). timestamp(3) holds UTC,
 * so `now` is compared in UTC.
 */
function nextRoundAt(now: Date) {
  const nowUtc = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  return Prisma.sql`to_char(p."activeRoundStarts"[width_bucket(${nowUtc}, p."activeRoundStarts") + 1],
    'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * The loops of `pages` (rows of columnPage plus "col", the order of the pages, and "count") with each loop's
 * rounds' summary and candidate, in one statement. The rows come back as one JSON text, ordered by "col" then
 * newest change first: one value for the driver and the ORM to hand over instead of 14 typed columns per loop
 * (measured: about 0.3 ms less CPU per call in the web process). Each row is an array (CardRow), not an
 * object: naming the 14 fields in every row cost PostgreSQL ~2 µs a card (json_build_object against
 * json_build_array, 30 cards) and tripled the text to parse.
 */
async function cardRows(db: Tx, ws: string, pages: Prisma.Sql, now: Date): Promise<CardRow[]> {
  const [result] = await queryInTransaction<{ rows: string }>(
    db,
    "board-cards",
    Prisma.sql`
    SELECT COALESCE(json_agg(json_build_array(
      p."id", p."status", p."targetRole", p."level", p."candidateMemberId", p."candidateInvitationId",
      p."count", m."id" IS NOT NULL, m."name", m."email", i."email", p."activeRoundCount", p."scheduledRoundCount",
      ${nextRoundAt(now)}
    ) ORDER BY p."col", p."updatedAt" DESC, p."id" DESC), '[]')::text AS "rows"
    FROM (${pages}) p
    -- Per loop, by primary key (not a hash join over every member and user: that grows with the workspace).
    LEFT JOIN LATERAL (
      SELECT m."id", u."name", u."email" FROM "memberships" m JOIN "users" u ON u."id" = m."userId"
      WHERE m."workspaceId" = ${ws} AND m."id" = p."candidateMemberId"
      LIMIT 1 -- (one at most: the primary key) keeps PostgreSQL from flattening this into a hash join
    ) m ON true
    LEFT JOIN LATERAL (
      SELECT i."email" FROM "invitations" i
      WHERE i."workspaceId" = ${ws} AND i."id" = p."candidateInvitationId" AND p."candidateMemberId" IS NULL
      LIMIT 1
    ) i ON true`,
    // The statuses are constants of the statement (statusConstant), so one plan serves every call.
    { genericPlan: true },
  );
  return JSON.parse(result!.rows) as CardRow[];
}

/**
 * How many loops a column holds. Unfiltered, the workspace's kept count (loop_status_counts, maintained by
 * triggers on "loops"): one row read, however many loops there are. Filtered (level, role), an index-only
 * count of the matching loops: a filter is what a coach narrows a large board with.
 */
function columnCount(ws: string, filter: BoardFilter, status: LoopStatus) {
  if (!filter.level && !filter.role?.trim())
    return Prisma.sql`COALESCE((SELECT c."count" FROM "loop_status_counts" c
      WHERE c."workspaceId" = ${ws} AND c."status" = ${statusConstant(status)}), 0)`;
  return Prisma.sql`(SELECT count(*) FROM "loops" l WHERE ${columnWhere(ws, filter, status)})::int`;
}

/**
 * The board: per status, the count and the first page of loops (filters applied in the query), in one
 * statement: the board is the page coaches keep open, so its fixed cost matters. Each column is its own index
 * scan of at most one page and its count one row (columnCount), so the work does not grow with the
 * workspace; the count also says whether a column has more (so no loop beyond the page is read). More of a
 * column comes from listLoopColumn.
 */
export async function listLoopBoard(db: Tx, scope: Scope, filter: BoardFilter = {}, now = new Date()) {
  const ws = scope.workspaceId;
  const pages = Prisma.join(
    LOOP_STATUSES.map(
      (status, col) => Prisma.sql`(SELECT p.*, ${col}::int AS "col", ${columnCount(ws, filter, status)} AS "count"
        FROM (${columnPage(ws, filter, status, BOARD_PAGE)}) p)`,
    ),
    " UNION ALL ",
  );
  const rows = await cardRows(db, ws, pages, now);
  const columns = LOOP_STATUSES.map((status) => {
    const column = rows.filter((r) => r[1] === status);
    const items = column.map(toCard);
    const count = column[0]?.[6] ?? 0;
    return { status, count, items, nextCursor: count > items.length ? (items.at(-1)?.id ?? null) : null };
  });
  return { total: columns.reduce((sum, c) => sum + c.count, 0), columns };
}

/** The next page of one status column of the board ("Show more"). */
export async function listLoopColumn(
  db: Tx,
  scope: Scope,
  input: BoardFilter & { status: LoopStatus; cursor?: string; limit?: number },
  now = new Date(),
) {
  const limit = input.limit ?? BOARD_MORE_PAGE;
  const page = columnPage(scope.workspaceId, input, input.status, limit + 1, input.cursor);
  const rows = await cardRows(
    db,
    scope.workspaceId,
    Prisma.sql`SELECT p.*, 0 AS "col", NULL::int AS "count" FROM (${page}) p`,
    now,
  );
  return pageOf(rows.map(toCard), limit);
}

/** Every loop of the workspace (optionally one status), newest first, a page at a time: the public API's list. */
export async function listLoops(
  db: Tx,
  scope: Scope,
  input: BoardFilter & { status?: LoopStatus; cursor?: string; limit: number },
  now = new Date(),
) {
  const rows = await db.loop.findMany({
    where: { ...boardWhere(scope, input), ...(input.status ? { status: input.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...after(input.cursor),
    select: { id: true, createdAt: true },
  });
  const page = pageOf(rows, input.limit);
  const ids = page.items.map((l) => l.id);
  // The page's loops in its order ("col" is each one's place in it), as cards.
  const cards =
    ids.length === 0
      ? []
      : await cardRows(
          db,
          scope.workspaceId,
          Prisma.sql`SELECT ${CARD_COLUMNS}, o."n" AS "col", NULL::int AS "count"
            FROM unnest(${ids}::text[]) WITH ORDINALITY o("id", "n")
            JOIN "loops" l ON l."workspaceId" = ${scope.workspaceId} AND l."id" = o."id"`,
          now,
        );
  const created = new Map(page.items.map((l) => [l.id, l.createdAt]));
  return {
    // The API's schema sends instants as dates (LoopSummary).
    items: cards.map((row) => ({
      ...toCard(row),
      nextRoundAt: row[13] === null ? null : new Date(row[13]),
      createdAt: created.get(row[0])!,
    })),
    nextCursor: page.nextCursor,
  };
}
