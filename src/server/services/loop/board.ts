// The loop board: loops in columns by status, filtered by level and role, paged per column.
import { LOOP_STATUSES, type LoopStatus } from "@/domain/loop-status";
import type { Level } from "@/schemas/library";
import { candidateNames } from "../member-names";
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

/** One page of a status column, newest change first; the cursor is the last loop's id. */
async function columnPage(
  db: Tx,
  scope: Scope,
  filter: BoardFilter & { status: LoopStatus; cursor?: string; limit: number },
) {
  const rows = await db.loop.findMany({
    where: { ...boardWhere(scope, filter), status: filter.status },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    include: { rounds: { select: { status: true, startsAt: true } } },
  });
  const items = rows.slice(0, filter.limit);
  return { items, nextCursor: rows.length > filter.limit ? (items.at(-1)?.id ?? null) : null };
}

async function presentCards(
  db: Tx,
  scope: Scope,
  loops: Awaited<ReturnType<typeof columnPage>>["items"],
  now = new Date(),
) {
  const who = await candidateNames(db, scope.workspaceId, loops);
  return loops.map((l) => {
    const active = l.rounds.filter((r) => r.status !== "cancelled");
    const next = active
      .filter((r) => r.startsAt && r.startsAt > now)
      .sort((a, b) => a.startsAt!.getTime() - b.startsAt!.getTime())[0];
    return {
      id: l.id,
      candidate: who.get(l.id) ?? "Candidate",
      targetRole: l.targetRole,
      level: l.level,
      status: l.status,
      rounds: active.length,
      scheduled: active.filter((r) => r.status === "scheduled").length,
      nextRoundAt: next?.startsAt ?? null,
    };
  });
}

/**
 * The board: per status, the count and the first page of loops (filters applied in the query), so the
 * work does not grow with the workspace. More of a column comes from listLoopColumn.
 */
export async function listLoopBoard(db: Tx, scope: Scope, filter: BoardFilter = {}) {
  const [counts, ...pages] = await Promise.all([
    db.loop.groupBy({ by: ["status"], where: boardWhere(scope, filter), _count: { _all: true } }),
    ...LOOP_STATUSES.map((status) => columnPage(db, scope, { ...filter, status, limit: BOARD_PAGE })),
  ]);
  const cards = await presentCards(
    db,
    scope,
    pages.flatMap((p) => p.items),
  );
  const countOf = new Map(counts.map((c) => [c.status, c._count._all]));
  return {
    total: counts.reduce((sum, c) => sum + c._count._all, 0),
    columns: LOOP_STATUSES.map((status, i) => ({
      status,
      count: countOf.get(status) ?? 0,
      items: cards.filter((c) => c.status === status),
      nextCursor: pages[i]!.nextCursor,
    })),
  };
}

/** The next page of one status column of the board. */
export async function listLoopColumn(
  db: Tx,
  scope: Scope,
  input: BoardFilter & { status: LoopStatus; cursor?: string; limit?: number },
) {
  const page = await columnPage(db, scope, { ...input, limit: input.limit ?? BOARD_PAGE });
  return { items: await presentCards(db, scope, page.items), nextCursor: page.nextCursor };
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
