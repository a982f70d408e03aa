// `npm run bench:fixed-cost`: what every tRPC call pays around its own queries, measured in this process
// without Next.js: CPU time (this process, and the PostgreSQL backends of the scratch database) and SQL
// statements per call, for each piece of the prelude and for a whole cheap call (workspace.get) through
// handleTrpcRequest. CPU time rather than wall time, so a busy machine changes the figures little.
//
//   npm run bench:fixed-cost     (FIXED_COST_CALLS, default 2000; FIXED_COST_CONCURRENCY, default 8)
import { readdirSync, readFileSync } from "node:fs";
import { benchDatabase } from "./database";

const CALLS = Number(process.env.FIXED_COST_CALLS ?? 2_000);
const CONCURRENCY = Number(process.env.FIXED_COST_CONCURRENCY ?? 8);
const NAME = "loopwise_fixed_cost";

process.env.RATE_LIMIT_API_PER_USER = "1000000000";
process.env.RATE_LIMIT_API_PER_IP = "1000000000";
const { db } = await benchDatabase(NAME);
const { createWorkspace } = await import("../src/server/services/workspace");
const { createSessionFor, findSessionActor } = await import("../src/server/services/session");
const { inMemberScope } = await import("../src/server/db/tenant");
const { getRateLimits } = await import("../src/server/rate-limit");
const { handleTrpcRequest } = await import("../src/server/api/http");
const { PEER_ADDRESS_HEADER } = await import("../src/server/peer-address");
const { sqlStatements } = await import("../src/test/statements");
const { testDatabaseName } = await import("../scripts/test-database.mjs");

const u = await db.user.create({ data: { email: `fixed-${Date.now()}@bench.test`, name: "Fixed", timeZone: "UTC" } });
const actor = { userId: u.id, email: u.email, name: u.name, timeZone: u.timeZone };
const ws = await createWorkspace(db, actor, { name: "Fixed cost", timeZone: "UTC" });
const { sessionToken } = await createSessionFor(db, u.id);
const scope = { workspaceId: ws.id, userId: u.id };
const cookie = `next-auth.session-token=${sessionToken}`;
const input = encodeURIComponent(JSON.stringify({ json: { workspaceId: ws.id } }));
const request = () =>
  new Request(`http://127.0.0.1/api/trpc/workspace.get?input=${input}`, {
    headers: { cookie, [PEER_ADDRESS_HEADER]: "127.0.0.1" },
  });

/** CPU time (ms) so far of the PostgreSQL backends connected to the scratch database. */
const database = testDatabaseName(NAME);
function backendsCpuMs(): number {
  let ms = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(` ${database} `)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ms += (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
    } catch {
      // the backend ended
    }
  }
  return ms;
}

async function measure(name: string, fn: () => Promise<unknown>) {
  const statements = (await sqlStatements(fn)).length;
  for (let i = 0; i < 200; i++) await fn(); // warm
  const cpu = process.cpuUsage();
  const db0 = backendsCpuMs();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < CALLS) await fn();
    }),
  );
  const used = process.cpuUsage(cpu);
  return {
    piece: name,
    "statements/call": statements,
    "app CPU µs/call": Math.round((used.user + used.system) / CALLS),
    "PostgreSQL CPU µs/call": Math.round(((backendsCpuMs() - db0) * 1000) / CALLS),
  };
}

const limits = getRateLimits();
const rows = [
  await measure("rate limits, one rule at a time", async () => {
    await limits.consume("apiPerIp", "127.0.0.1");
    await limits.consume("apiPerUser", u.id);
  }),
  await measure("rate limits, both at once (consumeAll)", () =>
    limits.consumeAll([
      { name: "apiPerIp", key: "127.0.0.1" },
      { name: "apiPerUser", key: u.id },
    ]),
  ),
  await measure("session lookup", () => findSessionActor(db, sessionToken)),
  await measure("member scope (empty)", () => inMemberScope(db, scope, async () => null)),
  await measure("workspace.get over handleTrpcRequest", async () => {
    const res = await handleTrpcRequest(request());
    if (res.status !== 200) throw new Error(`workspace.get answered ${res.status}: ${await res.text()}`);
    await res.text();
  }),
];
console.log(`\n${CALLS} calls, ${CONCURRENCY} at a time; CPU time per call (this process / the database's backends)\n`);
console.table(rows);
await db.$disconnect();
process.exit(0);
