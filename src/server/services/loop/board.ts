// The loop board: loops in columns by status, filtered by level and role, paged per column.
import { Prisma } from "@/generated/prisma/client";
import { displayName } from "@/domain/people";
import { LOOP_STATUSES, type LoopStatus } from "@/domain/loop-status";
import type { Level } from "@/schemas/library";
import { candidateName, candidateNames } from "../member-names";
import { after, literal, pageOf } from "../paging";
import { type Scope, type Tx } from "../scope";

/** Loops per column on the board's first page, and per "Show more". */
export const BOARD_PAGE = 20;

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

/** What a card shows of a loop and its rounds: the one home of that rule. */
function toCard(
  l: { id: string; targetRole: string; level: Level; status: LoopStatus },
  rounds: { status: string; startsAt: Date | null }[],
  candidate: string,
  now: Date,
) {
  const active = rounds.filter((r) => r.status !== "cancelled");
  const next = active
    .filter((r) => r.startsAt && r.startsAt > now)
    .sort((a, b) => a.startsAt!.getTime() - b.startsAt!.getTime())[0];
  return {
    id: l.id,
    candidate,
    targetRole: l.targetRole,
    level: l.level,
    status: l.status,
    rounds: active.length,
    scheduled: active.filter((r) => r.status === "scheduled").length,
    nextRoundAt: next?.startsAt ?? null,
  };
}

async function presentCards(
  db: Tx,
  scope: Scope,
  loops: (Parameters<typeof toCard>[0] & {
    candidateMemberId: string | null;
    candidateInvitationId: string | null;
    rounds: Parameters<typeof toCard>[1];
  })[],
  now = new Date(),
) {
  const who = await candidateNames(db, scope.workspaceId, loops);
  return loops.map((l) => toCard(l, l.rounds, who.get(l.id) ?? "Candidate", now));
}

/** One loop of a column's page, as the board's statements send it (JSON: see cardRows). */
interface BoardRow {
  id: string;
  status: LoopStatus;
  targetRole: string;
  level: Level;
  candidateMemberId: string | null;
  candidateInvitationId: string | null;
  /** The loops of this status (filters applied); only on the first pages. */
  count?: number;
  memberFound: boolean;
  memberName: string | null;
  memberEmail: string | null;
  invitedEmail: string | null;
  roundStatuses: string[];
  /** Milliseconds since the epoch (UTC), null while unscheduled. */
  roundStarts: (number | null)[];
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

/**
 * Up to `limit` loops of one column, newest change first (ties by id), after the loop `cursor` when given:
 * the one home of the board's order and cursor, for the first pages and "Show more" alike. The cursor loop's
 * (updatedAt, id) bounds the index scan (timestamp and text comparisons are leakproof), so a later page costs
 * what the first does.
 */
function columnPage(ws: string, filter: BoardFilter, status: LoopStatus, limit: number, cursor?: string) {
  const cursorAt = Prisma.sql`(SELECT c."updatedAt" FROM "loops" c WHERE c."workspaceId" = ${ws} AND c."id" = ${cursor})`;
  return Prisma.sql`SELECT l."id", l."status", l."targetRole", l."level", l."candidateMemberId",
      l."candidateInvitationId", l."updatedAt"
    FROM "loops" l
    WHERE ${columnWhere(ws, filter, status)}
      ${cursor ? Prisma.sql`AND l."updatedAt" <= ${cursorAt} AND (l."updatedAt", l."id") < (${cursorAt}, ${cursor})` : Prisma.empty}
    ORDER BY l."updatedAt" DESC, l."id" DESC
    LIMIT ${limit}`;
}

/**
 * The loops of `pages` (rows of columnPage plus "col", the column's place, and "count") with each loop's
 * rounds and candidate, in one statement. The rows come back as one JSON text, in column order then newest
 * change first: one value for the driver and the ORM to hand over instead of 14 typed columns per loop
 * (measured: about 0.3 ms less CPU per call in the web process).
 */
async function cardRows(db: Tx, ws: string, pages: Prisma.Sql): Promise<BoardRow[]> {
  const [result] = await db.$queryRaw<[{ rows: string }]>`
    SELECT COALESCE(json_agg(json_build_object(
      'id', p."id", 'status', p."status"::text, 'targetRole', p."targetRole", 'level', p."level"::text,
      'candidateMemberId', p."candidateMemberId", 'candidateInvitationId', p."candidateInvitationId",
      'count', p."count", 'memberFound', m."id" IS NOT NULL, 'memberName', m."name", 'memberEmail', m."email",
      'invitedEmail', i."email",
      'roundStatuses', COALESCE(r."statuses", '{}'), 'roundStarts', COALESCE(r."starts", '{}')
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
    ) i ON true
    LEFT JOIN LATERAL (
      -- timestamp(3) holds UTC: its epoch is the instant's, in whole milliseconds.
      SELECT array_agg(r."status"::text) AS "statuses",
        array_agg((extract(epoch FROM r."startsAt") * 1000)::bigint) AS "starts"
      FROM "rounds" r WHERE r."workspaceId" = ${ws} AND r."loopId" = p."id"
    ) r ON true`;
  return JSON.parse(result.rows) as BoardRow[];
}

/** The cards of one column's rows (limit + 1 of them) and the cursor of its next page. */
function columnCards(rows: BoardRow[], limit: number, now: Date) {
  const items = rows.slice(0, limit).map((r) =>
    toCard(
      r,
      r.roundStatuses.map((roundStatus, k) => {
        const startsAt = r.roundStarts[k];
        return { status: roundStatus, startsAt: startsAt == null ? null : new Date(startsAt) };
      }),
      candidateName(
        r,
        r.memberFound ? displayName({ name: r.memberName, email: r.memberEmail }) : undefined,
        r.invitedEmail ?? undefined,
      ),
      now,
    ),
  );
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * The board: per status, the count and the first page of loops (filters applied in the query), in one
 * statement: the board is the page coaches keep open, so its fixed cost matters. Each column is its own index
 * scan of at most one page (and one loop more, for its cursor), so the work does not grow with the workspace;
 * the counts are index-only scans of the same indexes. More of a column comes from listLoopColumn.
 */
export async function listLoopBoard(db: Tx, scope: Scope, filter: BoardFilter = {}, now = new Date()) {
  const ws = scope.workspaceId;
  const pages = Prisma.join(
    LOOP_STATUSES.map(
      (status, col) => Prisma.sql`(SELECT p.*, ${col}::int AS "col",
        (SELECT count(*) FROM "loops" l WHERE ${columnWhere(ws, filter, status)})::int AS "count"
        FROM (${columnPage(ws, filter, status, BOARD_PAGE + 1)}) p)`,
    ),
    " UNION ALL ",
  );
  const rows = await cardRows(db, ws, pages);
  const columns = LOOP_STATUSES.map((status) => {
    const page = rows.filter((r) => r.status === status);
    return { status, count: page[0]?.count ?? 0, ...columnCards(page, BOARD_PAGE, now) };
  });
  return { total: columns.reduce((sum, c) => sum + c.count, 0), columns };
}

/** The next page of one status column of the board. */
export async function listLoopColumn(
  db: Tx,
  scope: Scope,
  input: BoardFilter & { status: LoopStatus; cursor?: string; limit?: number },
  now = new Date(),
) {
  const limit = input.limit ?? BOARD_PAGE;
  const page = columnPage(scope.workspaceId, input, input.status, limit + 1, input.cursor);
  const rows = await cardRows(
    db,
    scope.workspaceId,
    Prisma.sql`SELECT p.*, 0 AS "col", NULL::int AS "count" FROM (${page}) p`,
  );
  return columnCards(rows, limit, now);
}

/** Every loop of the workspace (optionally one status), newest first, a page at a time: the public API's list. */
export async function listLoops(
  db: Tx,
  scope: Scope,
  input: BoardFilter & { status?: LoopStatus; cursor?: string; limit: number },
) {
  const rows = await db.loop.findMany({
    where: { ...boardWhere(scope, input), ...(input.status ? { status: input.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...after(input.cursor),
    include: { rounds: { select: { status: true, startsAt: true } } },
  });
  const page = pageOf(rows, input.limit);
  const cards = await presentCards(db, scope, page.items);
  return {
    items: cards.map((card, i) => ({ ...card, createdAt: page.items[i]!.createdAt })),
    nextCursor: page.nextCursor,
  };
}
