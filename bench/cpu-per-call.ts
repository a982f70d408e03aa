// One procedure in one process: CPU time per call, SQL statements per call (counted at the driver) and the
// size of the response as superjson sends it, through the tRPC caller with a seeded user's session (so the
// per-call fixed cost of session, membership and tenant transaction is included). CPU time in one process
// is steadier than req/s on a shared machine. Runs on the database `npm run bench:load` seeded (same
// BENCH_LOOPS and LOOPWISE_TEST_DB_SUFFIX; run that once first). Used by debrief-cpu.ts and report-cpu.ts.
import { existsSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import superjson from "superjson";
import { benchDatabase } from "./database";
import type { createCaller as CreateCaller } from "../src/server/api/root";

/** The ids and cookies `npm run bench:load` keeps in its state file. */
export interface Seeded {
  workspaceId: string;
  coachCookie: string;
  candidateCookie: string;
  debriefLoop: string;
  reportId: string;
}

type Caller = ReturnType<typeof CreateCaller>;

export async function measureCpuPerCall(
  name: string,
  cookieOf: (seeded: Seeded) => string,
  call: (caller: Caller, seeded: Seeded) => Promise<unknown>,
) {
  const LOOPS = Number(process.env.BENCH_LOOPS ?? 500);
  const CALLS = Number(process.env.BENCH_CALLS ?? 1_000);
  const statePath = path.join(
    tmpdir(),
    `loopwise-bench-load${process.env.LOOPWISE_TEST_DB_SUFFIX ?? ""}-${LOOPS}.json`,
  );
  if (!existsSync(statePath)) throw new Error(`No seeded state at ${statePath}: run npm run bench:load first.`);
  const seeded = JSON.parse(readFileSync(statePath, "utf8")) as Seeded;
  const { db } = await benchDatabase("loopwise_load", { reuse: true });
  const { createCaller } = await import("../src/server/api/root");
  const { findSessionActor } = await import("../src/server/services/session");
  const { logger } = await import("../src/server/logger");
  const { sqlStatements } = await import("../src/test/statements");

  const actor = await findSessionActor(db, cookieOf(seeded).split("=")[1]);
  const caller = createCaller({ db, actor, requestId: "bench", log: logger });
  const once = () => call(caller, seeded);

  for (let i = 0; i < 50; i++) await once(); // warm: JIT and what is kept in memory per process
  const sent = await sqlStatements(once);
  const body = JSON.stringify(superjson.serialize(await once()));

  // The server's side of the same calls: on this shared machine PostgreSQL's CPU competes with the app's.
  const backends = (
    await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`
  ).map((r) => r.pid);
  const serverTicks = backendTicks(backends);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) await once();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const serverMs = ((backendTicks(backends) - serverTicks) * 1000) / TICKS_PER_S;
  // What tRPC's HTTP handler adds per call for this response: superjson and JSON text.
  const response = await once();
  const serializing = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) JSON.stringify(superjson.serialize(response));
  const serialized = process.cpuUsage(serializing);
  const ms = (us: number) => (us / 1000 / CALLS).toFixed(2);
  console.log(`${name} × ${CALLS} in one process (${LOOPS}-loop workspace, load ${loadavg()[0]!.toFixed(1)})`);
  console.log(
    `  CPU per call: ${ms(used.user + used.system)} ms (user ${ms(used.user)}, system ${ms(used.system)}); wall ${(wall / CALLS).toFixed(2)} ms`,
  );
  console.log(
    `  PostgreSQL CPU per call: ${(serverMs / CALLS).toFixed(2)} ms (its ${backends.length} backends on this database, in ${1000 / TICKS_PER_S} ms ticks)`,
  );
  console.log(`  SQL statements per call: ${sent.length}`);
  console.log(
    `  response: ${body.length} bytes of superjson, ${ms(serialized.user + serialized.system)} ms CPU to serialize`,
  );
  if (process.env.BENCH_SQL === "1") for (const s of sent) console.log(`    ${s.replace(/\s+/g, " ").slice(0, 160)}`);
  if (process.env.BENCH_BODY) (await import("node:fs")).writeFileSync(process.env.BENCH_BODY, body);
  await db.$disconnect();
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_S = 100;

/** User and system CPU ticks the given processes (PostgreSQL backends on this machine) have used so far. */
function backendTicks(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A backend that ended meanwhile (or a server on another machine): not counted.
    }
  }
  return ticks;
}
