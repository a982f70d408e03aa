// The loop board is paginated and filtered in the query: per status column, a count and the first page;
// "Show more" pages through a column with a cursor; the statements per call do not grow with the loops.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { createBookedLoop, createWorkspaceWithRoles, db, submitScorecards, type TestWorkspace } from "@/test/factories";
import { countedRoundSummaries, keptRoundSummaries } from "@/test/round-summary";
import { sqlStatements } from "@/test/statements";
import { displayName } from "@/domain/people";
import { BOARD_MORE_PAGE, LOOP_STATUSES } from "@/domain/loop-status";
import { inWorkspaceScope } from "@/server/db/tenant";
import { BOARD_PAGE, listLoopBoard, listLoopColumn } from "./board";

async function draftLoops(
  ws: Awaited<ReturnType<typeof createWorkspaceWithRoles>>,
  n: number,
  level: "entry" | "mid" | "senior",
  targetRole: string,
) {
  const template = await db.loopTemplate.findFirstOrThrow({ where: { workspaceId: ws.id, key: "entry-coding-focus" } });
  for (let i = 0; i < n; i++) {
    await ws.members.coach.caller.loop.create({
      workspaceId: ws.id,
      candidateMemberId: ws.members.candidate.memberId,
      templateId: template.id,
      targetRole,
      level,
    });
  }
}

const countStatements = async (fn: () => Promise<unknown>) => (await sqlStatements(fn)).length;

describe("loop board", () => {
  it("gives each column a count and a first page, pages through a column without gaps or repeats, and filters in the query", async () => {
    const ws = await createWorkspaceWithRoles("board-pages");
    await draftLoops(ws, BOARD_PAGE + 5, "mid", "Backend engineer");
    await draftLoops(ws, 3, "senior", "Staff engineer");
    const coach = ws.members.coach.caller;

    const board = await coach.loop.board({ workspaceId: ws.id });
    expect(board.total).toBe(BOARD_PAGE + 8);
    const column = board.columns.find((c) => c.count > 0)!;
    expect(column.count).toBe(BOARD_PAGE + 8);
    expect(column.items).toHaveLength(BOARD_PAGE);
    expect(column.nextCursor).not.toBeNull();
    // Newest change first.
    const updated = new Map(
      (await db.loop.findMany({ where: { workspaceId: ws.id }, select: { id: true, updatedAt: true } })).map((l) => [
        l.id,
        l.updatedAt.getTime(),
      ]),
    );
    const times = column.items.map((l) => updated.get(l.id)!);
    expect(times).toEqual([...times].sort((x, y) => y - x));

    const rest = await coach.loop.boardColumn({
      workspaceId: ws.id,
      status: column.status,
      cursor: column.nextCursor!,
    });
    expect(BOARD_MORE_PAGE).toBeGreaterThanOrEqual(8);
    expect(rest.items).toHaveLength(8);
    expect(rest.nextCursor).toBeNull();
    const all = [...column.items, ...rest.items].map((l) => l.id);
    expect(new Set(all).size).toBe(BOARD_PAGE + 8);
    expect(
      (await db.loop.findMany({ where: { workspaceId: ws.id }, select: { id: true } })).map((l) => l.id).sort(),
    ).toEqual([...all].sort());

    const senior = await coach.loop.board({ workspaceId: ws.id, level: "senior" });
    expect(senior.total).toBe(3);
    expect(senior.columns.flatMap((c) => c.items).every((l) => l.level === "senior")).toBe(true);
    const staff = await coach.loop.board({ workspaceId: ws.id, role: "staff" });
    expect(staff.total).toBe(3);
    expect((await coach.loop.board({ workspaceId: ws.id, role: "nobody" })).total).toBe(0);
    expect((await coach.loop.board({ workspaceId: ws.id, role: "%" })).total).toBe(0);
  });

  it("answers in the same number of statements for 2 loops and for 30", async () => {
    const small = await createWorkspaceWithRoles("board-small");
    await draftLoops(small, 2, "mid", "Backend engineer");
    const large = await createWorkspaceWithRoles("board-large");
    await draftLoops(large, 30, "mid", "Backend engineer");
    const a = await countStatements(() => small.members.coach.caller.loop.board({ workspaceId: small.id }));
    const b = await countStatements(() => large.members.coach.caller.loop.board({ workspaceId: large.id }));
    expect(a).toBeGreaterThan(0);
    expect(b).toBe(a);
    // BEGIN, the membership with set_config, the board in one statement between the two SET LOCALs that have it
    // planned once (queryInTransaction's genericPlan: planning it cost more than running it), COMMIT.
    expect(a).toBeLessThanOrEqual(6);
  });

  /** A senior loop with two rounds booked, the first then cancelled: a card with rounds of each kind. */
  async function bookedWithFirstCancelled(ws: TestWorkspace, targetRole?: string) {
    const booked = await createBookedLoop(ws, {
      template: "entry-coding-focus",
      bookings: [
        [0, ws.members.interviewer],
        [1, ws.members.owner],
      ],
      level: "senior",
      ...(targetRole ? { targetRole } : {}),
    });
    await ws.members.coach.caller.schedule.cancelRound({
      workspaceId: ws.id,
      roundId: booked.rounds[0]!.id,
      reason: "Moved on",
    });
    return booked;
  }

  it("shows on the first page the same cards as the column's own pages: rounds, next round, candidate or invitation", async () => {
    const ws = await createWorkspaceWithRoles("board-cards");
    const coach = ws.members.coach.caller;
    await draftLoops(ws, 2, "entry", "Backend engineer");
    await bookedWithFirstCancelled(ws);
    await coach.loop.create({
      workspaceId: ws.id,
      candidateEmail: "invited-board@example.test",
      targetRole: "Data engineer",
    });
    for (const filter of [{}, { level: "senior" as const }, { role: "data" }]) {
      const board = await coach.loop.board({ workspaceId: ws.id, ...filter });
      for (const status of LOOP_STATUSES) {
        const column = board.columns.find((c) => c.status === status)!;
        const own = await coach.loop.boardColumn({ workspaceId: ws.id, ...filter, status, limit: BOARD_PAGE });
        expect(column.items).toEqual(own.items);
        expect(column.nextCursor).toEqual(own.nextCursor);
      }
    }
    const cards = (await coach.loop.board({ workspaceId: ws.id })).columns.flatMap((c) => c.items);
    expect(cards.map((c) => c.candidate)).toContain("invited-board@example.test (invited)");
  });

  it("sends every field a card shows, on the board, on Show more and in the API's list", async () => {
    const ws = await createWorkspaceWithRoles("board-fields");
    const coach = ws.members.coach.caller;
    const booked = await bookedWithFirstCancelled(ws, "Platform engineer");
    const next = await db.round.findUniqueOrThrow({ where: { id: booked.rounds[1]!.id } });
    const candidate = await db.membership.findUniqueOrThrow({
      where: { id: ws.members.candidate.memberId },
      include: { user: true },
    });
    // What loop-board.tsx shows of a card (and links to): each field, with its value.
    const shown = {
      id: booked.loopId,
      candidate: displayName(candidate.user),
      targetRole: "Platform engineer",
      level: "senior",
      status: "scheduling",
      rounds: booked.rounds.length - 1,
      scheduled: 1,
      // The instant as stored, in UTC; the browser formats it in the viewer's zone (LocalTime).
      nextRoundAt: next.startsAt!.toISOString(),
    };
    const board = await coach.loop.board({ workspaceId: ws.id });
    expect(board.columns.find((c) => c.status === "scheduling")!.items).toEqual([shown]);
    const more = await coach.loop.boardColumn({ workspaceId: ws.id, status: "scheduling" });
    expect(more.items).toEqual([shown]);
    const list = await coach.loop.list({ workspaceId: ws.id, limit: 10 });
    expect(list.items).toEqual([{ ...shown, nextRoundAt: next.startsAt, createdAt: expect.any(Date) }]);

    // The next round is the first still to come at `now`, compared as instants whatever the session's zone.
    const { actor, memberId } = ws.members.coach;
    const scope = { workspaceId: ws.id, userId: actor.userId, memberId, role: "coach" as const };
    const at = next.startsAt!.getTime();
    const nextAt = (now: number) =>
      inWorkspaceScope(db, scope, async (tx) => {
        await tx.$executeRaw`SET LOCAL TIME ZONE 'America/New_York'`;
        const b = await listLoopBoard(tx, scope, {}, new Date(now));
        return b.columns.flatMap((c) => c.items).find((c) => c.id === booked.loopId)!.nextRoundAt;
      });
    expect(await nextAt(at - 1)).toBe(next.startsAt!.toISOString());
    expect(await nextAt(at)).toBeNull();
  });

  it("counts each column from the kept counts, which follow every insert, change of status, delete and rollback", async () => {
    const ws = await createWorkspaceWithRoles("board-counts");
    await draftLoops(ws, 4, "mid", "Backend engineer");
    await draftLoops(ws, 2, "senior", "Data engineer");
    const { actor, memberId } = ws.members.coach;
    const scope = { workspaceId: ws.id, userId: actor.userId, memberId, role: "coach" as const };
    const counted = async (where: Prisma.LoopWhereInput = {}) =>
      Object.fromEntries(
        (
          await db.loop.groupBy({ by: ["status"], where: { ...where, workspaceId: ws.id }, _count: { _all: true } })
        ).map((g) => [g.status, g._count._all]),
      );
    const kept = async () =>
      Object.fromEntries(
        (await db.loopStatusCount.findMany({ where: { workspaceId: ws.id, count: { gt: 0 } } })).map((c) => [
          c.status,
          c.count,
        ]),
      );
    const onBoard = async (filter = {}) =>
      Object.fromEntries(
        (await inWorkspaceScope(db, scope, (tx) => listLoopBoard(tx, scope, filter))).columns
          .filter((c) => c.count > 0)
          .map((c) => [c.status, c.count]),
      );
    // A loop made from a template starts out scheduling.
    expect(await kept()).toEqual({ scheduling: 6 });
    expect(await onBoard()).toEqual({ scheduling: 6 });

    const loops = await db.loop.findMany({ where: { workspaceId: ws.id }, orderBy: { id: "asc" } });
    await db.loop.update({ where: { id: loops[0]!.id }, data: { status: "scheduled" } });
    await db.loop.update({ where: { id: loops[1]!.id }, data: { status: "completed" } });
    await db.loop.updateMany({ where: { id: { in: [loops[2]!.id, loops[3]!.id] } }, data: { status: "cancelled" } });
    await db.loop.update({ where: { id: loops[3]!.id }, data: { status: "draft", notes: "back" } });
    await db.loop.update({ where: { id: loops[4]!.id }, data: { notes: "no change of status" } });
    await db.loop.delete({ where: { id: loops[5]!.id } });
    // A transaction that fails leaves the counts as they were.
    await expect(
      db.$transaction(async (tx) => {
        await tx.loop.update({ where: { id: loops[0]!.id }, data: { status: "in_progress" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");

    expect(await counted()).toEqual({ scheduling: 1, draft: 1, scheduled: 1, completed: 1, cancelled: 1 });
    expect(await kept()).toEqual(await counted());
    expect(await onBoard()).toEqual(await counted());
    // Filtered boards count the matching loops.
    expect(await onBoard({ level: "senior" })).toEqual(await counted({ level: "senior" }));
    expect(await onBoard({ role: "backend" })).toEqual(
      await counted({ targetRole: { contains: "backend", mode: "insensitive" } }),
    );
    expect(Object.keys(await counted({ level: "senior" })).length).toBeGreaterThan(0);

    // Deleting the workspace takes its counts with it (and does not bring any back).
    const { name } = await db.workspace.findUniqueOrThrow({ where: { id: ws.id } });
    await ws.members.owner.caller.workspace.delete({ workspaceId: ws.id, confirmName: name });
    expect(await db.loopStatusCount.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("keeps each loop's round summary on its row through every write of its rounds, and shows it on the cards", async () => {
    const ws = await createWorkspaceWithRoles("board-summary");
    const coach = ws.members.coach.caller;
    await draftLoops(ws, 1, "mid", "Backend engineer");
    const booked = await bookedWithFirstCancelled(ws);
    const [first, second] = booked.rounds;
    const agree = async (what: string) => {
      const kept = await keptRoundSummaries(ws.id);
      expect(kept, what).toEqual(await countedRoundSummaries(ws.id));
      // The cards show the kept summary: rounds not cancelled, the booked ones, the next start to come.
      const cards = (await coach.loop.board({ workspaceId: ws.id })).columns.flatMap((c) => c.items);
      for (const card of cards) {
        const k = kept[card.id]!;
        expect([card.rounds, card.scheduled], what).toEqual([k.active, k.scheduled]);
        expect(card.nextRoundAt, what).toBe(k.starts.find((at) => at > new Date().toISOString()) ?? null);
      }
      return kept[booked.loopId]!;
    };
    // Made from a template, booked twice, the first booking cancelled (bookedWithFirstCancelled).
    const made = await agree("created, booked, cancelled");
    expect(made.active).toBe(booked.rounds.length - 1);
    expect(made.scheduled).toBe(1);
    expect(made.starts).toHaveLength(1);

    await coach.schedule.restoreRound({ workspaceId: ws.id, roundId: first!.id });
    expect((await agree("restored")).scheduled).toBe(2);
    const later = new Date(
      (await db.round.findUniqueOrThrow({ where: { id: second!.id } })).startsAt!.getTime() + 86_400_000,
    );
    await coach.schedule.book({
      workspaceId: ws.id,
      loopId: booked.loopId,
      bookings: [{ roundId: second!.id, interviewerMemberId: ws.members.owner.memberId, startsAt: later }],
    });
    expect((await agree("rescheduled")).starts).toContain(later.toISOString());

    const roundType = await db.roundType.findFirstOrThrow({ where: { workspaceId: ws.id } });
    const added = await coach.loop.addRound({ workspaceId: ws.id, loopId: booked.loopId, roundTypeId: roundType.id });
    expect((await agree("round added")).active).toBe(booked.rounds.length + 1);
    await coach.loop.removeRound({ workspaceId: ws.id, roundId: added.id });
    expect((await agree("round removed")).active).toBe(booked.rounds.length);

    // The round takes place (its start moves into the past) and its scorecard is submitted, then revised.
    await submitScorecards(ws, [{ roundId: first!.id, member: ws.members.interviewer, rate: () => 3 }]);
    const [card] = await db.scorecard.findMany({ where: { roundId: first!.id } });
    const took = await agree("taken place, scorecard submitted");
    expect(took.starts[0]! < new Date().toISOString()).toBe(true);
    await ws.members.interviewer.caller.scorecard.revise({
      workspaceId: ws.id,
      roundId: first!.id,
      expectedVersion: card!.version,
      reason: "Re-read my notes",
      ratings: card!.ratings as Record<string, { rating: 3; evidence: string }>,
      redFlagKeys: [],
      recommendation: "no",
      summary: "Revised",
    });
    expect(await agree("scorecard revised")).toEqual(took);

    // A transaction that fails leaves the summary as it was.
    await expect(
      db.$transaction(async (tx) => {
        await tx.round.update({ where: { id: second!.id }, data: { status: "cancelled" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await agree("rolled back")).toEqual(took);

    // Cancelling (archiving) the loop changes its status, not its rounds; its row keeps its place on the board.
    const before = await db.loop.findUniqueOrThrow({ where: { id: booked.loopId } });
    await db.round.update({ where: { id: second!.id }, data: { location: "Room 2" } });
    expect((await db.loop.findUniqueOrThrow({ where: { id: booked.loopId } })).updatedAt).toEqual(before.updatedAt);
    await coach.loop.setStatus({ workspaceId: ws.id, loopId: booked.loopId, status: "cancelled" });
    expect(await agree("loop cancelled")).toEqual(took);

    // Deleting the loop takes its rounds with it.
    await db.loop.delete({ where: { id: booked.loopId } });
    expect(await keptRoundSummaries(ws.id)).toEqual(await countedRoundSummaries(ws.id));
  });

  it("reads each column through its status's index under row-level security, on the first page and the next", async () => {
    const ws = await createWorkspaceWithRoles("board-indexes");
    await draftLoops(ws, 3, "mid", "Backend engineer");
    const { actor, memberId } = ws.members.coach;
    const scope = { workspaceId: ws.id, userId: actor.userId, memberId, role: "coach" as const };
    const cursor = (await db.loop.findFirstOrThrow({ where: { workspaceId: ws.id } })).id;
    // The plans of the statements the services send, as loopwise_app; seq scans and sorts priced out so that
    // the plan shows which index serves the statement in order, as in a large workspace (in a tiny table a seq
    // scan, or another status index plus a sort, can win on cost, and did when other test files filled the
    // table).
    const plans = await inWorkspaceScope(db, scope, async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_sort = off`;
      const seen: string[] = [];
      const explaining = new Proxy(tx, {
        get: (target, key) =>
          key === "$queryRaw"
            ? async (strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
                // Called with a template (db.$queryRaw`…`) or with one Sql (queryInTransaction outside a request).
                const query = strings instanceof Prisma.Sql ? strings : Prisma.sql(strings, ...values);
                const plan = await target.$queryRaw<{ "QUERY PLAN": string }[]>(
                  Prisma.sql`EXPLAIN (COSTS OFF) ${query}`,
                );
                seen.push(plan.map((row) => row["QUERY PLAN"]).join("\n"));
                return [{ rows: "[]" }];
              }
            : Reflect.get(target, key),
      });
      await listLoopBoard(explaining, scope);
      for (const status of LOOP_STATUSES) await listLoopColumn(explaining, scope, { status, cursor });
      return seen;
    });
    expect(plans).toHaveLength(1 + LOOP_STATUSES.length);
    const [board, ...columns] = plans;
    expect(board!.match(/Scan on loop_status_counts_pkey|Index Scan using loop_status_counts_pkey/g)).toHaveLength(
      LOOP_STATUSES.length,
    );
    for (const [k, status] of LOOP_STATUSES.entries()) {
      expect(board).toMatch(new RegExp(`Index Scan using loops_board_${status}_idx`));
      // Unfiltered, the count is one kept row (loop_status_counts), not a count of the column's loops.
      expect(board).not.toMatch(new RegExp(`Index Only Scan using loops_(count|board)_${status}_idx`));
      expect(columns[k]).toMatch(new RegExp(`Index Scan using loops_board_${status}_idx on loops l`));
      // The cursor bounds the scan, not a filter over the column's loops.
      expect(columns[k]).toMatch(
        /Index Cond: \(\("workspaceId" = .*\) AND \("updatedAt" <= \$\d+\) AND \(ROW\("updatedAt", id\) < ROW\(/,
      );
    }
    expect(board).not.toMatch(/Seq Scan on loops/);
  });
});
