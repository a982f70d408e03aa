// Benchmark: a full workspace export (docs/export.md) of BENCH_LOOPS loops (default 5,000) × 5 rounds, and of a
// workspace ten times smaller, on a scratch database of the PostgreSQL server (seeded as for bench:analytics).
// Run with `npm run bench:export`. Prints the wall time, rows, bytes, and the peak RSS and heap sampled every
// 100 ms during each run: the export is streamed, so the peak should not grow with the workspace.
// Target: the large export under 30 s. The script runs with the heap capped at 96 MB (package.json): the large
// document alone (~43 MB of UTF-8, twice that as JavaScript strings) could not be built in memory under it.
import { benchDatabase } from "./database";
import { seedBenchWorkspace } from "./seed-workspace";

const LOOPS = Number(process.env.BENCH_LOOPS ?? 5_000);
const TARGET_MS = 30_000;
const MB = 1024 * 1024;

const { db } = await benchDatabase("loopwise_bench_export");
const { startExport } = await import("../src/server/services/workspace-export");
const { runDueExports } = await import("../src/server/exports/run");

const seeded = performance.now();
const small = await seedBenchWorkspace(db, { loops: Math.max(1, Math.floor(LOOPS / 10)), prefix: "small" });
const large = await seedBenchWorkspace(db, { loops: LOOPS, prefix: "large" });
console.log(`seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

async function measure(label: string, scope: (typeof large)["scope"]) {
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 100);
  const queued = await startExport(db, scope);
  const started = performance.now();
  const report = await runDueExports(db, { max: 1, workspaceId: scope.workspaceId });
  const ms = performance.now() - started;
  clearInterval(sampler);
  const done = await db.workspaceExport.findUniqueOrThrow({ where: { id: queued.id } });
  if (!report.succeeded.length) throw new Error(`${label}: the export did not succeed: ${done.lastError}`);
  const counts = Object.values(done.counts as Record<string, number>).reduce((a, b) => a + b, 0);
  const stored = await db.$queryRaw<{ n: bigint }[]>`
    SELECT sum(length(data))::bigint AS n FROM workspace_export_chunks WHERE "exportId" = ${queued.id}`;
  console.log(
    `  ${label}: ${(ms / 1000).toFixed(1)} s, ${counts} rows, ${(Number(done.bytes) / MB).toFixed(1)} MB written ` +
      `(${(Number(stored[0]?.n ?? 0) / MB).toFixed(1)} MB gzipped in the database); ` +
      `peak RSS ${(peakRss / MB).toFixed(0)} MB (+${((peakRss - base.rss) / MB).toFixed(0)}), ` +
      `peak heap ${(peakHeap / MB).toFixed(0)} MB (+${((peakHeap - base.heapUsed) / MB).toFixed(0)})`,
  );
  return ms;
}

console.log(`export benchmark (PostgreSQL server):`);
await measure(`${Math.max(1, Math.floor(LOOPS / 10))} loops`, small.scope);
const ms = await measure(`${LOOPS} loops`, large.scope);
const pass = ms < TARGET_MS;
console.log(pass ? `PASS: under ${TARGET_MS / 1000} s` : `FAIL: over ${TARGET_MS / 1000} s`);
process.exit(pass ? 0 : 1);
