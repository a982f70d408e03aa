// Benchmark (#16): one request's latency of the loop board (`loop.board`, every column's count and first page)
// and of a column's next page (`loop.boardColumn`, "Show more"), in a 10-loop and a BENCH_LOOPS-loop
// (default 5,000) workspace of one scratch database, measured two ways:
//   - one request through the app: the built app (`.next`; scripts/start.mjs as `npm start` runs it, one web
//     process, on BENCH_PORT) answers GET /api/trpc/<procedure>?input=<superjson> with a coach's session
//     cookie, as bench:load requests it: HTTP, session lookup, rate limits, member scope, tRPC and superjson.
//     The must-hold's verdict ("within 20%", issue #16) is taken from these figures.
//   - the service call in the member scope, in this process (on a server: a transaction as `loopwise_app`
//     with `app.workspace_id` set, so row-level security applies): no HTTP, session or serialization. The
//     diagnostic: what the board's own statements cost, without the request's fixed cost around them.
// Calls alternate between the two workspaces (so machine load hits both alike); the median of BENCH_CALLS
// sequential calls after a warm-up. The must-hold: the large workspace's median within 20% of the small one's.
// Needs a build (`npx next build`); start.mjs builds one first when there is none or the sources are newer.
//
//   LOOPWISE_TEST_DB_SUFFIX=_x BENCH_PORT=3490 npm run bench:board
import { loadavg } from "node:os";
import { sessionCookie, startApp } from "./app-request";
import { benchDatabase } from "./database";
import { seedBenchWorkspace } from "./seed-workspace";

const LOOPS = Number(process.env.BENCH_LOOPS ?? 5_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 201);
const PORT = Number(process.env.BENCH_PORT ?? 3490);
const { url, db } = await benchDatabase("loopwise_bench_board");
const { inMemberScope } = await import("../src/server/db/tenant");
const { BOARD_PAGE, listLoopBoard, listLoopColumn } = await import("../src/server/services/loop/board");
const { createSessionFor } = await import("../src/server/services/session");

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
async function showMoreInput(w: Seeded) {
  const first = await board(w);
  const column = first.columns.reduce((a, b) => (b.count > a.count ? b : a));
  return { status: column.status, cursor: column.nextCursor ?? column.items[0]?.id };
}
const more = { small: await showMoreInput(small), large: await showMoreInput(large) };
const showMore = (w: Seeded, input: (typeof more)["small"]) => () =>
  inMemberScope(db, w.scope, (_, tx) => listLoopColumn(tx, w.scope, input));

// ---- the app, for the request figures ----
const cookieOf = async (w: Seeded) => sessionCookie((await createSessionFor(db, w.scope.userId)).sessionToken);
const cookies = new Map<Seeded, string>([
  [small, await cookieOf(small)],
  [large, await cookieOf(large)],
  [full, await cookieOf(full)],
]);
const app = await startApp(url, PORT);
const request = (w: Seeded, procedure: string, input: Record<string, unknown> = {}) =>
  app.request(cookies.get(w)!, procedure, { workspaceId: w.scope.workspaceId, ...input });
/** The cards a board answer holds (to show both ways read the same board). */
const cardsIn = (body: string) =>
  app.data<{ columns: { items: unknown[] }[] }>(body).columns.reduce((n, c) => n + c.items.length, 0);

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
    `    ${label}: ${smallLoops} loops median ${median(a).toFixed(2)} ms, ${LOOPS} loops median ${median(b).toFixed(2)} ms, ratio ${ratio.toFixed(2)} → ${ratio <= 1.2 ? "within 20%" : "NOT within 20%"}`,
  );
  return { ok: ratio <= 1.2, ratio };
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");
let verdict: { board: { ok: boolean; ratio: number }; column: { ok: boolean; ratio: number } };
try {
  const cards = await Promise.all([small, full, large].map(async (w) => cardsIn(await request(w, "loop.board")())));
  console.log(
    `board benchmark (PostgreSQL server, row-level security on; ${CALLS} calls each, alternating; cards on the board: ${cards.join(" / ")} for 10 / ${FULL_PAGES} / ${LOOPS} loops; load ${load()})`,
  );
  console.log("  service call in the member scope (in this process; no HTTP, session or tRPC) — the diagnostic:");
  await compare(
    "loop.board",
    () => board(small),
    () => board(large),
  );
  await compare("loop.boardColumn (next page)", showMore(small, more.small), showMore(large, more.large));
  await compare(
    "loop.board, full first pages",
    () => board(full),
    () => board(large),
    FULL_PAGES,
  );
  console.log(
    `  one request through the app (HTTP, session, tRPC; GET on port ${PORT}, one web process) — the must-hold (load ${load()}):`,
  );
  verdict = {
    board: await compare("loop.board", request(small, "loop.board"), request(large, "loop.board")),
    column: await compare(
      "loop.boardColumn (next page)",
      request(small, "loop.boardColumn", more.small),
      request(large, "loop.boardColumn", more.large),
    ),
  };
  // Not part of the must-hold's verdict: the same board with full first pages on both sides.
  await compare("loop.board, full first pages", request(full, "loop.board"), request(large, "loop.board"), FULL_PAGES);
} finally {
  await app.stop();
}
const ok = verdict.board.ok && verdict.column.ok;
const figures = `one request through the app: loop.board ${verdict.board.ratio.toFixed(2)}, Show more ${verdict.column.ratio.toFixed(2)}`;
console.log(
  ok
    ? `PASS: board latency does not grow with the workspace (${figures})`
    : `FAIL: the board grows with the workspace (${figures})`,
);
process.exit(ok ? 0 : 1);
