// `npm run bench:load`: the app against the physical limit of this machine. Seeds a workspace through the
// services (50 interviewers, 500 candidates, 500 loops × 5 rounds, 2,321 submitted scorecards, one released
// report), starts the production app (`npm start`, so its calibration fits run in their own process) and a
// bare Node server that sends the equivalent SQL through raw `pg`, then runs autocannon against both,
// interleaved, BENCH_ROUNDS rounds (default 3) of BENCH_SECONDS (default 10) at 50 connections, and prints
// per call the medians: req/s, p50, p99, app/limit, non-2xx, SQL statements per call (counted at the
// driver, in this process, through the same procedures), and the app's memory before, after, and 60 s later.
//
//   npm run bench:load            (BENCH_LOOPS, BENCH_ROUNDS, BENCH_SECONDS, BENCH_PORT to change)
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import superjson from "superjson";
import { benchDatabase } from "./database";
import type { Scope } from "../src/server/services/scope";

const root = path.resolve(import.meta.dirname, "..");
const LOOPS = Number(process.env.BENCH_LOOPS ?? 500);
const ROUNDS_PER_LOOP = 5;
const INTERVIEWERS = 50;
const SUBMITTED = Math.round((LOOPS * ROUNDS_PER_LOOP * 2_321) / 2_500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
/** Autosave drafts: more than connections, so one being re-read after a 409 never leaves a connection without one. */
const DRAFTS = CONNECTIONS + 10;
const APP_PORT = Number(process.env.BENCH_PORT ?? 3480);
const LIMIT_PORT = APP_PORT + 1;
const DAY = 86_400_000;

// BENCH_REUSE=1: the database and the seeded ids an earlier run left (its state file), instead of seeding
// again (≈250 s); the drafts' versions are read afresh.
const statePath = path.join(tmpdir(), `loopwise-bench-load${process.env.LOOPWISE_TEST_DB_SUFFIX ?? ""}-${LOOPS}.json`);
const reuse = process.env.BENCH_REUSE === "1" && existsSync(statePath);
const { url, db } = await benchDatabase("loopwise_load", { reuse });

const { createWorkspace } = await import("../src/server/services/workspace");
const { createLoop } = await import("../src/server/services/loop/lifecycle");
const { bookRounds } = await import("../src/server/services/schedule/booking");
const { openMyScorecard, saveScorecardDraft, submitScorecard } =
  await import("../src/server/services/scorecard/my-scorecard");
const { recordDecision } = await import("../src/server/services/debrief");
const { getReportDraft, releaseReport } = await import("../src/server/services/report");
const { runDueCohortFits } = await import("../src/server/services/cohort-fit");
const { createSessionFor } = await import("../src/server/services/session");
const { createCaller } = await import("../src/server/api/root");
const { logger } = await import("../src/server/logger");

interface Draft {
  cookie: string;
  roundId: string;
  version: number;
  key: string;
}
/** What the load needs from the seeding; kept in the state file for BENCH_REUSE. */
interface Seeded {
  workspaceId: string;
  drafts: Draft[];
  coachCookie: string;
  candidateCookie: string;
  reportId: string;
  debriefLoop: string;
  anyCardId: string;
}
const cookieName = "next-auth.session-token";

// ---- seed, through the services ----
async function user(label: string) {
  const u = await db.user.create({ data: { email: `${label}@load.bench`, name: label, timeZone: "UTC" } });
  return { userId: u.id, email: u.email, name: label, timeZone: "UTC" };
}
async function pool<T>(items: T[], size: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/** A service call in a transaction with room for a loaded machine (a direct call would get Prisma's 5 s). */
const inTx = <T>(fn: (tx: typeof db) => Promise<T>) =>
  db.$transaction((tx) => fn(tx as typeof db), { timeout: 120_000, maxWait: 60_000 });

async function seed(): Promise<Seeded> {
  const seedStarted = Date.now();
  const owner = await user("coach");
  const ws = await createWorkspace(db, owner, { name: "Load bench", timeZone: "UTC" });
  const ownerMember = await db.membership.findFirstOrThrow({ where: { workspaceId: ws.id, userId: owner.userId } });
  const coach: Scope = { workspaceId: ws.id, userId: owner.userId, memberId: ownerMember.id, role: "owner" };
  const interviewers: (Scope & { actor: Awaited<ReturnType<typeof user>> })[] = [];
  for (let i = 0; i < INTERVIEWERS; i++) {
    const actor = await user(`interviewer-${i}`);
    const m = await db.membership.create({ data: { workspaceId: ws.id, userId: actor.userId, role: "interviewer" } });
    interviewers.push({ workspaceId: ws.id, userId: actor.userId, memberId: m.id, role: "interviewer", actor });
  }
  const candidates: { memberId: string; actor: Awaited<ReturnType<typeof user>> }[] = [];
  for (let i = 0; i < LOOPS; i++) {
    const actor = await user(`candidate-${i}`);
    const m = await db.membership.create({ data: { workspaceId: ws.id, userId: actor.userId, role: "candidate" } });
    candidates.push({ memberId: m.id, actor });
  }
  const templates = await db.loopTemplate.findMany({ where: { workspaceId: ws.id } });
  const template = templates.find((t) => (t.rounds as unknown[]).length >= ROUNDS_PER_LOOP) ?? templates[0]!;
  const loopIds: string[] = new Array(LOOPS);
  const roundsOf: { id: string; interviewer: number; startsAt: Date }[][] = new Array(LOOPS);
  const base = Date.now() + DAY;
  await pool([...Array(LOOPS).keys()], 2, async (i) => {
    const { id: loopId } = await inTx((tx) =>
      createLoop(tx, coach, {
        candidateMemberId: candidates[i]!.memberId,
        templateId: template.id,
        targetRole: "Backend engineer",
        level: (["entry", "mid", "senior"] as const)[i % 3],
      }),
    );
    const rounds = (await db.round.findMany({ where: { loopId }, orderBy: { order: "asc" } })).slice(
      0,
      ROUNDS_PER_LOOP,
    );
    // Loop i on day i, its rounds 2 h apart, each with its own interviewer: nobody is booked twice at once.
    const booked = rounds.map((r, k) => ({
      id: r.id,
      interviewer: (i * ROUNDS_PER_LOOP + k) % INTERVIEWERS,
      startsAt: new Date(base + i * DAY + k * 2 * 3_600_000),
    }));
    await inTx((tx) =>
      bookRounds(tx, coach, {
        loopId,
        bookings: booked.map((b) => ({
          roundId: b.id,
          interviewerMemberId: interviewers[b.interviewer]!.memberId,
          startsAt: b.startsAt,
        })),
      }),
    );
    loopIds[i] = loopId;
    roundsOf[i] = booked;
  });
  const allRounds = roundsOf.flat();
  await pool(allRounds.slice(0, SUBMITTED), 2, async (round, n) => {
    const scope = interviewers[round.interviewer]!;
    const opened = await openMyScorecard(db, scope, { roundId: round.id });
    const ratings = Object.fromEntries(
      opened.rubric.signals.map((s, j) => [
        s.key,
        { rating: (((n + j + round.interviewer) % 4) + 1) as 1 | 2 | 3 | 4, evidence: "Seen in the round." },
      ]),
    );
    const saved = await inTx((tx) =>
      saveScorecardDraft(tx, scope, {
        roundId: round.id,
        expectedVersion: opened.scorecard.version,
        ratings,
        redFlagKeys: [],
        recommendation: "yes",
        summary: "Solid.",
      }),
    );
    await inTx((tx) =>
      submitScorecard(
        tx,
        scope,
        { roundId: round.id, expectedVersion: saved.version },
        new Date(round.startsAt.getTime() + 2 * 3_600_000),
      ),
    );
  });
  await runDueCohortFits(db);
  // One released report for the candidate of loop 0 (all its scorecards are in).
  await recordDecision(db, coach, {
    loopId: loopIds[0]!,
    decision: "not_yet",
    rationale: "Keep practising.",
    notes: "",
  });
  await getReportDraft(db, coach, { loopId: loopIds[0]! });
  await runDueCohortFits(db);
  const released = await inTx((tx) => releaseReport(tx, coach, { loopId: loopIds[0]! }));
  // Draft scorecards for the autosave: one round per connection, each of a different round of the unsubmitted tail.
  const draftRounds = allRounds.slice(SUBMITTED, SUBMITTED + DRAFTS);
  const drafts: Draft[] = [];
  for (const round of draftRounds) {
    const scope = interviewers[round.interviewer]!;
    const opened = await openMyScorecard(db, scope, { roundId: round.id });
    const { sessionToken } = await createSessionFor(db, scope.userId);
    drafts.push({
      cookie: `${cookieName}=${sessionToken}`,
      roundId: round.id,
      version: opened.scorecard.version,
      key: opened.rubric.signals[0]!.key,
    });
  }
  const coachCookie = `${cookieName}=${(await createSessionFor(db, owner.userId)).sessionToken}`;
  const candidateCookie = `${cookieName}=${(await createSessionFor(db, candidates[0]!.actor.userId)).sessionToken}`;
  // The seeding queued thousands of invitations and reminders; a running workspace has delivered them. Marked
  // sent here, or the app's outbox worker would spend the benchmark delivering them (and /api/health counts the backlog).
  const seededMail = await db.emailOutbox.updateMany({
    where: { status: { in: ["pending", "sending"] } },
    data: { status: "sent", sentAt: new Date() },
  });
  const submitted = await db.scorecard.count({ where: { workspaceId: ws.id, status: "submitted" } });
  const debriefLoop = loopIds[1]!;
  const anyCard = await db.scorecard.findFirstOrThrow({
    where: { workspaceId: ws.id, loopId: debriefLoop },
    select: { id: true },
  });
  const seeded: Seeded = {
    workspaceId: ws.id,
    drafts,
    coachCookie,
    candidateCookie,
    reportId: released.reportId,
    debriefLoop,
    anyCardId: anyCard.id,
  };
  writeFileSync(statePath, JSON.stringify(seeded));
  console.log(
    `Seeded in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s: ${INTERVIEWERS} interviewers, ${LOOPS} candidates, ${LOOPS} loops × ${ROUNDS_PER_LOOP} rounds, ${submitted} submitted scorecards (${seededMail.count} seeded emails marked delivered).`,
  );
  return seeded;
}

const { workspaceId, drafts, coachCookie, candidateCookie, reportId, debriefLoop, anyCardId } = reuse
  ? (JSON.parse(readFileSync(statePath, "utf8")) as Seeded)
  : await seed();
if (reuse) console.log(`Reusing the seeded database (${statePath}).`);
// The bench's own reads during the load (not measured): the drafts' versions.
const benchPool = new pg.Pool({ connectionString: url, max: 2 });
/** Each draft's version as the database has it now (what the form's "reload the latest version" does). */
async function readDraftVersions(of: Draft[]) {
  const { rows } = await benchPool.query<{ roundId: string; version: number }>(
    `SELECT "roundId", version FROM scorecards WHERE "workspaceId" = $1 AND "roundId" = ANY($2) AND status = 'draft'`,
    [workspaceId, of.map((d) => d.roundId)],
  );
  const byRound = new Map(rows.map((r) => [r.roundId, r.version]));
  for (const d of of) d.version = byRound.get(d.roundId) ?? d.version;
}
await readDraftVersions(drafts);

// ---- SQL statements per call, counted at the driver through the same procedures ----
const { sqlStatements } = await import("../src/test/statements");
const countStatements = async (fn: () => Promise<unknown>) => (await sqlStatements(fn)).length;
const { findSessionActor } = await import("../src/server/services/session");
const callerAs = async (cookie: string) => {
  const actor = await findSessionActor(db, cookie.split("=")[1]);
  return createCaller({ db, actor, requestId: "bench", log: logger });
};
const perCall = async (cookie: string, fn: (caller: Awaited<ReturnType<typeof callerAs>>) => Promise<unknown>) => {
  await fn(await callerAs(cookie)); // warm: a published rubric is read once per process
  return countStatements(async () => fn(await callerAs(cookie)));
};
const probe = drafts[drafts.length - 1]!;
let probeVersion = probe.version;
const statements = {
  save: await perCall(probe.cookie, async (c) => {
    const saved = await c.scorecard.save({
      workspaceId,
      roundId: probe.roundId,
      expectedVersion: probeVersion,
      ratings: { [probe.key]: { rating: 3, evidence: "typed" } },
      redFlagKeys: [],
      recommendation: null,
      summary: "",
    });
    probeVersion = saved.version;
  }),
  board: await perCall(coachCookie, (c) => c.loop.board({ workspaceId })),
  debrief: await perCall(coachCookie, (c) => c.debrief.get({ workspaceId, loopId: debriefLoop })),
  report: await perCall(candidateCookie, (c) => c.report.getMine({ workspaceId, reportId: reportId })),
  health: 1,
};
probe.version = probeVersion;
await db.$disconnect();

// ---- the two servers ----
function rssMiB(pid: number): number {
  // The app and its children (next start runs the server in the process it spawned, or in a child).
  const pids = [pid, ...readChildren(pid)];
  return pids.reduce((sum, p) => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
      return sum + kb / 1024;
    } catch {
      return sum;
    }
  }, 0);
}
function readChildren(pid: number): number[] {
  try {
    const direct = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return direct.flatMap((c) => [c, ...readChildren(c)]);
  } catch {
    return [];
  }
}
async function waitFor(target: string, ms = 300_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(target);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${target} did not answer within ${ms / 1000} s`);
}

const app: ChildProcess = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    PORT: String(APP_PORT),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    NEXTAUTH_URL: `http://127.0.0.1:${APP_PORT}`,
    LOOPWISE_DEMO: "0",
    RATE_LIMIT_SIGN_IN_PER_IP: "100000",
    // The load is 50 connections of a few users: the per-user and per-address API limits would answer 429.
    RATE_LIMIT_API_PER_USER: "100000000",
    RATE_LIMIT_API_PER_IP: "100000000",
  },
});
const limitPool = new pg.Pool({ connectionString: url, max: 10 });
// A request listener returns nothing to node: the handler runs on its own.
const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
  try {
    let rows: unknown[] = [];
    if (req.url === "/health") rows = (await limitPool.query("SELECT 1 AS ok")).rows;
    else if (req.url === "/save")
      rows = (
        await limitPool.query(
          `UPDATE scorecards SET summary = $1, version = version + 1 WHERE id = $2 RETURNING id, version`,
          ["typed", anyCardId],
        )
      ).rows;
    else
      rows = (
        await limitPool.query(`SELECT id, status, version, ratings, "updatedAt" FROM scorecards WHERE id = $1`, [
          anyCardId,
        ])
      ).rows;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(rows));
  } catch (err) {
    res.writeHead(500);
    res.end(String(err));
  }
};
const limit = http.createServer((req, res) => void handle(req, res));
await new Promise<void>((resolve) => limit.listen(LIMIT_PORT, "127.0.0.1", resolve));
await waitFor(`http://127.0.0.1:${APP_PORT}/api/health`);

// ---- load ----
const query = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
interface Call {
  name: string;
  /** Runs before each of the app's runs of this call. */
  before?: () => Promise<void>;
  app: autocannon.Options;
  limit: string;
  statements: number;
}
let slot = 0;
// The autosave drafts not in a request right now (each is used by one request at a time).
let idleDrafts: Draft[] = [];
const calls: Call[] = [
  {
    name: "scorecard.save (autosave)",
    statements: statements.save,
    limit: "/save",
    // A run's last saves are still in flight when autocannon stops it: the server bumps their versions and the
    // bench never reads the answers. So each run first lets those finish, then reads every draft's version.
    before: async () => {
      await new Promise((r) => setTimeout(r, 1_000));
      await readDraftVersions(drafts);
      idleDrafts = [...drafts];
    },
    app: {
      url: `http://127.0.0.1:${APP_PORT}`,
      requests: [
        {
          method: "POST",
          path: "/api/trpc/scorecard.save",
          // Each request autosaves an idle draft and hands it back with the version the answer returns.
          // autocannon clears a connection's context after every request, so a draft is taken from the idle
          // ones for each request: no two saves of one draft overlap. A 409 (a version the bench did not see)
          // re-reads the draft's version before the draft is used again, as the form's reload does.
          setupRequest: (req, context) => {
            const c = context as { draft?: Draft };
            c.draft = idleDrafts.shift() ?? drafts[slot++ % drafts.length];
            const d = c.draft!;
            return {
              ...req,
              headers: { ...req.headers, cookie: d.cookie, "content-type": "application/json" },
              body: JSON.stringify(
                superjson.serialize({
                  workspaceId,
                  roundId: d.roundId,
                  expectedVersion: d.version,
                  ratings: { [d.key]: { rating: 2, evidence: "typed under load" } },
                  redFlagKeys: [],
                  recommendation: null,
                  summary: "",
                }),
              ),
            };
          },
          onResponse: (status, body, context) => {
            const d = (context as { draft: Draft }).draft;
            if (status === 409) {
              void readDraftVersions([d]).then(() => idleDrafts.push(d));
              return;
            }
            if (status === 200)
              d.version = superjson.deserialize<{ version: number }>(
                (JSON.parse(body) as { result: { data: never } }).result.data,
              ).version;
            idleDrafts.push(d);
          },
        },
      ],
    },
  },
  {
    name: "loop.board",
    statements: statements.board,
    limit: "/read",
    app: {
      url: `http://127.0.0.1:${APP_PORT}${query("loop.board", { workspaceId })}`,
      headers: { cookie: coachCookie },
    },
  },
  {
    name: "debrief.get (5 scorecards)",
    statements: statements.debrief,
    limit: "/read",
    app: {
      url: `http://127.0.0.1:${APP_PORT}${query("debrief.get", { workspaceId, loopId: debriefLoop })}`,
      headers: { cookie: coachCookie },
    },
  },
  {
    name: "report.getMine",
    statements: statements.report,
    limit: "/read",
    app: {
      url: `http://127.0.0.1:${APP_PORT}${query("report.getMine", { workspaceId, reportId: reportId })}`,
      headers: { cookie: candidateCookie },
    },
  },
  {
    name: "/api/health",
    statements: statements.health,
    limit: "/health",
    app: { url: `http://127.0.0.1:${APP_PORT}/api/health` },
  },
];

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Status codes other than 2xx, with their counts ("409×12"), so a non-zero count can be told apart. */
  codes: string[];
}
const run = (options: autocannon.Options): Promise<Sample> =>
  new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (err, result) => {
      if (err) return reject(err);
      const stats =
        (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
      const codes = Object.entries(stats)
        .filter(([code]) => !code.startsWith("2"))
        .map(([code, v]) => `${code}×${v.count}`);
      if (result.errors + result.timeouts) codes.push(`errors×${result.errors}`, `timeouts×${result.timeouts}`);
      resolve({
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx + result.errors + result.timeouts,
        codes,
      });
    });
  });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// What autovacuum does on a server with it on: without it (this machine's PostgreSQL runs with autovacuum off)
// every autosave leaves a dead row version, and the reads of scorecards slowed from run to run (the debrief
// 427 → 316 → 299 req/s over three runs on one database, 69,380 dead rows against 2,381 live). Before each
// measured call the load's tables are vacuumed, outside the timings.
const autovacuumOff = (await benchPool.query<{ autovacuum: string }>("SHOW autovacuum")).rows[0]?.autovacuum === "off";
async function vacuumLikeAutovacuum() {
  if (autovacuumOff) await benchPool.query("VACUUM (ANALYZE)");
}
if (autovacuumOff)
  console.log("This PostgreSQL runs with autovacuum off: the bench vacuums before each measured call.");

const appPid = app.pid!;
const rssIdle = rssMiB(appPid);
// Warm-up: every call once, so the first round does not pay for compiling routes.
await vacuumLikeAutovacuum();
for (const call of calls) {
  await call.before?.();
  await run({ ...call.app, connections: 2, duration: 2 });
}
const results = new Map<string, { app: Sample[]; limit: Sample[] }>();
for (let r = 0; r < ROUNDS; r++) {
  for (const call of calls) {
    const entry = results.get(call.name) ?? { app: [], limit: [] };
    await vacuumLikeAutovacuum();
    await call.before?.();
    entry.app.push(await run(call.app));
    entry.limit.push(await run({ url: `http://127.0.0.1:${LIMIT_PORT}${call.limit}` }));
    results.set(call.name, entry);
  }
}
const rssLoaded = rssMiB(appPid);
console.log(
  `\nautocannon -c ${CONNECTIONS} -d ${SECONDS}, ${ROUNDS} interleaved rounds, medians; limit = bare Node + raw pg doing the equivalent SQL\n`,
);
const table = calls.map((call) => {
  const e = results.get(call.name)!;
  const appRps = median(e.app.map((s) => s.rps));
  const limitRps = median(e.limit.map((s) => s.rps));
  return {
    call: call.name,
    "app req/s": Math.round(appRps),
    "limit req/s": Math.round(limitRps),
    "app/limit": `1/${Math.round(limitRps / Math.max(appRps, 0.001))}`,
    "app p50 ms": median(e.app.map((s) => s.p50)),
    "app p99 ms": median(e.app.map((s) => s.p99)),
    "non-2xx": e.app.reduce((sum, s) => sum + s.non2xx, 0),
    codes: [...new Set(e.app.flatMap((s) => s.codes))].join(" ") || "-",
    "SQL/call": call.statements,
  };
});
console.table(table);
console.log(
  `\nApp memory (RSS, app processes): ${rssIdle.toFixed(0)} MiB idle, ${rssLoaded.toFixed(0)} MiB after the load`,
);
if (!process.env.BENCH_SKIP_COOLDOWN) {
  await new Promise((r) => setTimeout(r, 60_000));
  console.log(`  ${rssMiB(appPid).toFixed(0)} MiB 60 s later`);
}
app.kill("SIGTERM");
limit.close();
await limitPool.end();
await benchPool.end();
process.exit(0);
