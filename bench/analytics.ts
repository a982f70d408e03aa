// Benchmark: the analytics page's query on a workspace of BENCH_LOOPS loops (default 5,000) × 5 rounds, on a
// scratch database of the PostgreSQL server. Run with `npm run bench:analytics`. The workspace is written with
// bulk SQL (./seed-workspace.ts). Prints the time of getAnalytics for the last 365 days (target: median under
// 500 ms) and its statement count.
import { benchDatabase } from "./database";
import { seedBenchWorkspace } from "./seed-workspace";

const LOOPS = Number(process.env.BENCH_LOOPS ?? 5_000);
const TARGET_MS = 500;

const { db } = await benchDatabase("loopwise_bench_analytics");

const { getAnalytics } = await import("../src/server/services/analytics");
const { sqlStatements } = await import("../src/test/statements");

const seeded = performance.now();
const { scope } = await seedBenchWorkspace(db, { loops: LOOPS });
const w = scope.workspaceId;
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
