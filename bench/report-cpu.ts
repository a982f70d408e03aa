// `report.getMine` (the candidate's session, the released report bench:load seeds) in one process: CPU time,
// SQL statements and response size per call (bench/cpu-per-call.ts). Runs on the database `npm run
// bench:load` seeded (same BENCH_LOOPS and LOOPWISE_TEST_DB_SUFFIX; run that once first).
//
//   BENCH_LOOPS=100 LOOPWISE_TEST_DB_SUFFIX=_x npx tsx bench/report-cpu.ts   (BENCH_CALLS, default 1,000)
import { measureCpuPerCall } from "./cpu-per-call";

await measureCpuPerCall(
  "report.getMine",
  (s) => s.candidateCookie,
  (caller, s) => caller.report.getMine({ workspaceId: s.workspaceId, reportId: s.reportId }),
);
