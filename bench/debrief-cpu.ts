// `debrief.get` (the coach's session) in one process: CPU time, SQL statements and response size per call
// (bench/cpu-per-call.ts). Runs on the database `npm run bench:load` seeded (same BENCH_LOOPS and
// LOOPWISE_TEST_DB_SUFFIX; run that once first).
//
//   BENCH_LOOPS=100 LOOPWISE_TEST_DB_SUFFIX=_x npx tsx bench/debrief-cpu.ts   (BENCH_CALLS, default 1,000)
import { measureCpuPerCall } from "./cpu-per-call";

await measureCpuPerCall(
  "debrief.get",
  (s) => s.coachCookie,
  (caller, s) => caller.debrief.get({ workspaceId: s.workspaceId, loopId: s.debriefLoop }),
);
