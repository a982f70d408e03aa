// Fuzz: generated malformed requests to every procedure, through the same handler the route serves
// (batch limit, rate limits, session cookie, input hygiene), as each role and anonymously. No call may
// answer 5xx (a 503 from overload protection included), every body is tRPC's JSON shape, and afterwards
// the server is healthy and its heap has not grown without bound.
//
// Seeded and reproducible: FUZZ_SEED (default below) and FUZZ_RUNS (requests; 1,000 here, 10,000 in
// `npm run test:fuzz`). A failure prints the seed and fast-check's path and shrunk case; the same
// FUZZ_SEED and FUZZ_RUNS generate the same requests again.
import v8 from "node:v8";
import vm from "node:vm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { getEnv, resetEnvForTests } from "@/server/env";
import { PEER_ADDRESS_HEADER } from "@/server/peer-address";
import { resetRateLimitsForTests } from "@/server/rate-limit";
import { createSessionFor, sessionCookieName } from "@/server/services/session";
import { createUser, createWorkspaceWithRoles, db } from "@/test/factories";
import type { RequestContext, RoleUnderTest } from "@/test/fuzz/context";
import { buildRequest, describePlan, planArbitrary, type Plan } from "@/test/fuzz/requests";
import { shapeProblem } from "@/test/fuzz/responses";
import { listProcedures } from "@/test/procedures";
import { workspaceFixtures } from "@/test/sweep-fixtures";
import { GET, POST } from "./route";

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
/** Fuzzed calls change things (a member removed, a loop cancelled); a fresh workspace keeps them meaningful. */
const FRESH_WORKSPACE_EVERY = 400;
const HEAP_GROWTH_LIMIT_MB = 200;
const RATE_LIMIT_KEYS = ["RATE_LIMIT_API_PER_USER", "RATE_LIMIT_API_PER_IP"] as const;
/** A client address no other test uses: the per-address counts live in the shared store. */
const FUZZ_ADDRESS = "2001:db8::f022";

const procedures = listProcedures().filter((p) => p.type !== "subscription");
const byPath = new Map(procedures.map((p) => [p.path, p]));

async function freshContext(label: string): Promise<RequestContext> {
  const ws = await createWorkspaceWithRoles(label);
  const refs = await workspaceFixtures(ws, label);
  const outsider = await createUser(`${label}-outsider`);
  const sessionTokens: Partial<Record<RoleUnderTest, string>> = {};
  for (const role of ["owner", "coach", "interviewer", "candidate"] as const) {
    sessionTokens[role] = (await createSessionFor(db, ws.members[role].actor.userId)).sessionToken;
  }
  sessionTokens.outsider = (await createSessionFor(db, outsider.userId)).sessionToken;
  const rubricFile = await ws.members.owner.caller.rubric.export({ workspaceId: ws.id, rubricId: refs.rubricId! });
  return {
    procedures: byPath,
    documents: { rubricFile },
    baseUrl: getEnv().appUrl,
    refs,
    sessionCookieName: sessionCookieName(getEnv().appUrl),
    sessionTokens,
    peerAddress: { header: PEER_ADDRESS_HEADER, value: FUZZ_ADDRESS },
  };
}

const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
const MB = 1024 * 1024;
/** A forced collection, so the heap figures count what is kept, not garbage (vitest runs without --expose-gc). */
function collectGarbage(): boolean {
  try {
    v8.setFlagsFromString("--expose-gc");
    (vm.runInNewContext("gc") as () => void)();
    return true;
  } catch {
    return false; // the bound's margin then absorbs garbage not yet collected
  }
}
function heapUsed(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe("fuzz: malformed requests to every procedure", () => {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    // Thousands of calls from one user and one address in a minute: the API limits would answer 429 to
    // most of them and hide the procedures. The sign-in and invitation limits stay as they are.
    for (const key of RATE_LIMIT_KEYS) {
      saved[key] = process.env[key];
      process.env[key] = "1000000000";
    }
    resetEnvForTests();
    resetRateLimitsForTests();
  });
  afterAll(() => {
    for (const key of RATE_LIMIT_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    resetEnvForTests();
    resetRateLimitsForTests();
  });

  it(
    `answers ${RUNS} generated malformed requests (seed ${SEED}) with no 5xx and tRPC's JSON shape, and stays healthy`,
    async () => {
      let ctx = await freshContext("fuzz");
      const maxBatch = getEnv().TRPC_MAX_BATCH_SIZE;
      const stats = {
        slowest: [] as [number, string][],
        handlerMs: 0,
        requests: 0,
        calls: 0,
        refusedCalls: 0,
        statuses: new Map<string, number>(),
        serverErrors: 0,
        failures: [] as string[],
        covered: new Set<string>(),
      };
      const heapBefore = heapUsed();
      const started = performance.now();

      const property = fc.asyncProperty(planArbitrary(procedures, maxBatch), async (plan: Plan) => {
        if (stats.requests > 0 && stats.requests % FRESH_WORKSPACE_EVERY === 0)
          ctx = await freshContext(`fuzz${stats.requests}`);
        stats.requests++;
        // A batch over the limit is refused whole before any call runs.
        if (plan.calls.length > maxBatch) stats.refusedCalls += plan.calls.length;
        else stats.calls += plan.calls.length;
        for (const call of plan.calls) if (byPath.has(call.path)) stats.covered.add(call.path);
        const req = buildRequest(plan, ctx);
        let status: number;
        let text: string;
        const t0 = performance.now();
        try {
          const res = await (req.method === "GET" ? GET(req) : POST(req));
          status = res.status;
          text = await res.text();
        } catch (err) {
          // The route handler itself threw: Next.js answers that with a bare 500.
          status = 500;
          text = `(handler threw) ${(err as Error).stack ?? String(err)}`;
        }
        const ms = performance.now() - t0;
        stats.handlerMs += ms;
        stats.slowest.push([ms, describePlan(plan)]);
        stats.slowest.sort((a, b) => b[0] - a[0]);
        stats.slowest.length = Math.min(stats.slowest.length, 5);
        stats.statuses.set(String(status), (stats.statuses.get(String(status)) ?? 0) + 1);
        let problem: string | null = null;
        if (status >= 500) problem = `status ${status}`;
        else {
          try {
            problem = shapeProblem(JSON.parse(text), new URL(req.url).searchParams.get("batch") === "1");
          } catch {
            problem = "the body is not JSON";
          }
        }
        // A batch answers 207 when its calls differ; a call inside it that failed with 5xx counts too.
        if (status >= 500 || /httpStatus 5\d\d/.test(problem ?? "")) stats.serverErrors++;
        if (problem) {
          const failure = `${problem} for ${describePlan(plan)}: ${text.slice(0, 400)}`;
          stats.failures.push(failure);
          throw new Error(failure);
        }
      });

      let heapAfter = 0;
      let verdict = "no counterexample";
      try {
        const details = await fc.check(property, { seed: SEED, numRuns: RUNS });
        if (details.failed) {
          const shrunk = details.counterexample?.[0];
          verdict = `counterexample (seed ${details.seed}, path "${details.counterexamplePath}", shrunk ${details.numShrinks} times): ${shrunk ? describePlan(shrunk) : "?"}\n  ${String(details.errorInstance).slice(0, 600)}`;
        }
      } finally {
        heapAfter = heapUsed();
        const seconds = (performance.now() - started) / 1000;
        const histogram = [...stats.statuses.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([s, n]) => `${s}: ${n}`)
          .join(", ");
        console.log(
          [
            `fuzz seed ${SEED}, ${RUNS} runs, ${seconds.toFixed(1)} s`,
            `  requests ${stats.requests} (procedure calls ${stats.calls}, plus ${stats.refusedCalls} in batches over the limit; procedures covered ${stats.covered.size}/${procedures.length})`,
            `  statuses ${histogram}`,
            `  5xx ${stats.serverErrors} (requests answered 5xx, or with a call inside a batch that failed 5xx)`,
            `  time in the handler ${(stats.handlerMs / 1000).toFixed(1)} s; slowest: ${stats.slowest.map(([ms, d]) => `${Math.round(ms)} ms ${d}`).join("; ")}`,
            `  heap used before ${mb(heapBefore)} MB, after ${mb(heapAfter)} MB (growth ${mb(heapAfter - heapBefore)} MB; gc ${collectGarbage() ? "forced" : "not available"})`,
            `  ${verdict}`,
            ...stats.failures.slice(0, 5).map((f) => `  failure: ${f.slice(0, 600)}`),
          ].join("\n"),
        );
      }

      expect(verdict).toBe("no counterexample");
      expect(stats.serverErrors).toBe(0);
      expect(stats.requests).toBeGreaterThanOrEqual(RUNS);
      expect(procedures.filter((p) => !stats.covered.has(p.path)).map((p) => p.path)).toEqual([]);
      expect(heapAfter - heapBefore).toBeLessThan(HEAP_GROWTH_LIMIT_MB * MB);

      // Still serving: the health check, and a well-formed call as the owner.
      const healthRes = await health(new Request(`${ctx.baseUrl}/api/health`));
      expect([healthRes.status, await healthRes.json()]).toEqual([200, { status: "ok" }]);
      const input = encodeURIComponent(JSON.stringify({ json: { workspaceId: ctx.refs.workspaceId } }));
      const ok = await GET(
        new Request(`${ctx.baseUrl}/api/trpc/workspace.get?input=${input}`, {
          headers: {
            cookie: `${ctx.sessionCookieName}=${ctx.sessionTokens.owner}`,
            [PEER_ADDRESS_HEADER]: FUZZ_ADDRESS,
          },
        }),
      );
      expect(ok.status).toBe(200);
    },
    Math.max(120_000, RUNS * 150),
  );
});
