// Benchmark (#16): one request's latency of the loop board (`loop.board`, every column's count and first page)
// and of a column's next page (`loop.boardColumn`, "Show more"), in a 10-loop and a BENCH_LOOPS-loop
// (default 5,000) workspace of one scratch database. Each call runs as a request does: in the member scope
// (on a server: a transaction as `loopwise_app` with `app.workspace_id` set, so row-level security applies).
// Calls alternate between the two workspaces (so machine load hits both alike); the median of BENCH_CALLS
// sequential calls after a warm-up. The must-hold: the large workspace's median within 20% of the small one's.
//
//   LOOPWISE_TEST_DB_SUFFIX=_x npm run bench:board
import { loadavg } from "node:os";
import { benchDatabase } from "./database";
import { seedBenchWorkspace } from "./seed-workspace";

const LOOPS = Number(process.env.BENCH_LOOPS ?? 5_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 201);
const { db } = await benchDatabase("loopwise_bench_board");
const { inMemberScope } = await import("../src/server/db/tenant");
const { BOARD_PAGE, listLoopBoard, listLoopColumn } = await import("../src/server/services/loop/board");

const small = await seedBenchWorkspace(db, { loops: 10, prefix: "small" });
const large = await seedBenchWorkspace(db, { loops: LOOPS, prefix: "large" });
// 10 loops fill 10 cards; a grown board shows a full first page in every column (6 × BOARD_PAGE with the
// seed's statuses). FULL_PAGES loops fill them all and leave more in each, so full vs BENCH_LOOPS isolates the
// growth of the workspace from the size of the page.
const FULL_PAGES = 8 * (BOARD_PAGE + 1);
const full = await seedBenchWorkspace(db, { loops: FULL_PAGES, prefix: "full" });
type Seeded = typeof small;
// What autovacuum does to a settled table (BENCH_NO_VACUUM=1 measures straight after the bulk insert): sets
// the visibility map, so counting a column is an index-only scan with no heap fetches.
if (!process.env.BENCH_NO_VACUUM) await db.$executeRawUnsafe(`VACUUM ANALYZE loops`);

const board = (w: Seeded) => inMemberScope(db, w.scope, (_, tx) => listLoopBoard(tx, w.scope));
/** The second page of the board's fullest column (in the 10-loop workspace: its first page from a cursor). */
async function showMore(w: Seeded) {
  const first = await board(w);
  const column = first.columns.reduce((a, b) => (b.count > a.count ? b : a));
  const cursor = column.nextCursor ?? column.items[0]?.id;
  return () => inMemberScope(db, w.scope, (_, tx) => listLoopColumn(tx, w.scope, { status: column.status, cursor }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function compare(
  label: string,
  callSmall: () => Promise<unknown>,
  callLarge: () => Promise<unknown>,
  smallLoops = 10,
) {
  for (let i = 0; i < 30; i++) await Promise.all([callSmall(), callLarge()]); // warm: JIT, plans, caches
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    for (const [call, into] of i % 2
      ? ([
          [callSmall, a],
          [callLarge, b],
        ] as const)
      : ([
          [callLarge, b],
          [callSmall, a],
        ] as const)) {
      const t = performance.now();
      await call();
      into.push(performance.now() - t);
    }
  }
  const ratio = median(b) / median(a);
  console.log(
    `  ${label}: ${smallLoops} loops median ${median(a).toFixed(2)} ms, ${LOOPS} loops median ${median(b).toFixed(2)} ms, ratio ${ratio.toFixed(2)} → ${ratio <= 1.2 ? "within 20%" : "NOT within 20%"}`,
  );
  return ratio <= 1.2;
}

console.log(
  `board benchmark (PostgreSQL server, row-level security on; ${CALLS} calls each, alternating; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")})`,
);
const boardOk = await compare(
  "loop.board",
  () => board(small),
  () => board(large),
);
const columnOk = await compare("loop.boardColumn (next page)", await showMore(small), await showMore(large));
// Not part of the must-hold's verdict: the same board with full first pages on both sides.
await compare(
  "loop.board, full first pages",
  () => board(full),
  () => board(large),
  FULL_PAGES,
);
console.log(
  boardOk && columnOk
    ? "PASS: board latency does not grow with the workspace"
    : "FAIL: the board grows with the workspace",
);
process.exit(boardOk && columnOk ? 0 : 1);
