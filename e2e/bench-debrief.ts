// Benchmark: the debrief's database queries and time, for a small loop (2 scorecards) and a large one
// (6 scorecards), on a scratch database of the PostgreSQL server. Run with `npm run bench:debrief`.
// The query count must not grow with the number of rounds and scorecards.
import { randomUUID } from "node:crypto";
import type { Db } from "../src/server/db";
import type { Scope } from "../src/server/services/scope";
import { recreateDatabase } from "../scripts/test-database.mjs";

const url = await recreateDatabase("loopwise_bench");
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET ??= "bench-secret-0123456789abcdef";
process.env.LOG_LEVEL = "silent";

const { getDb, connectServer } = await import("../src/server/db");
const { applyMigrations } = await import("../src/server/db/migrate");
const { createWorkspace } = await import("../src/server/services/workspace");
const { createLoop } = await import("../src/server/services/loop");
const { bookRounds } = await import("../src/server/services/schedule");
const { openMyScorecard, saveScorecardDraft, submitScorecard } = await import("../src/server/services/scorecard");
const { getDebrief } = await import("../src/server/services/debrief");

const conn = await connectServer(url);
await applyMigrations(conn);
await conn.close();
const db = getDb();

async function user(label: string) {
  const email = `${label}-${randomUUID().slice(0, 6)}@bench.test`;
  const u = await db.user.create({ data: { email, name: label } });
  return { userId: u.id, email, name: label, timeZone: null };
}
const owner = await user("coach");
const ws = await createWorkspace(db, owner, { name: "Bench", timeZone: "UTC" });
const ownerMember = await db.membership.findFirstOrThrow({ where: { workspaceId: ws.id, userId: owner.userId } });
const coach: Scope = { workspaceId: ws.id, userId: owner.userId, memberId: ownerMember.id, role: "owner" };
const interviewers: Scope[] = [];
for (let i = 0; i < 6; i++) {
  const u = await user(`iv${i}`);
  const m = await db.membership.create({ data: { workspaceId: ws.id, userId: u.userId, role: "interviewer" } });
  interviewers.push({ workspaceId: ws.id, userId: u.userId, memberId: m.id, role: "interviewer" });
}
const template = await db.loopTemplate.findFirstOrThrow({ where: { workspaceId: ws.id, key: "backend-mid-virtual-onsite" } });

async function loopWith(scorecards: number, offsetDays: number) {
  const c = await user("cand");
  const cm = await db.membership.create({ data: { workspaceId: ws.id, userId: c.userId, role: "candidate" } });
  const { id: loopId } = await createLoop(db, coach, { candidateMemberId: cm.id, templateId: template.id, targetRole: "Backend engineer", level: "mid" });
  const rounds = await db.round.findMany({ where: { loopId }, orderBy: { order: "asc" } });
  const start = Date.now() + offsetDays * 86_400_000;
  await bookRounds(db, coach, { loopId, bookings: rounds.slice(0, scorecards).map((r, i) => ({ roundId: r.id, interviewerMemberId: interviewers[i]!.memberId, startsAt: new Date(start + i * 2 * 3_600_000) })) });
  for (const [i, r] of rounds.slice(0, scorecards).entries()) {
    const scope = interviewers[i]!;
    const opened = await openMyScorecard(db, scope, { roundId: r.id });
    const ratings = Object.fromEntries(opened.rubric.signals.map((s, j) => [s.key, { rating: (((i + j) % 4) + 1) as 1 | 2 | 3 | 4, evidence: "seen" }]));
    const saved = await saveScorecardDraft(db, scope, { roundId: r.id, expectedVersion: 1, ratings, redFlagKeys: [], recommendation: "yes", summary: "ok" });
    // Submitted as if after the rounds (scorecards open once a round has begun).
    await submitScorecard(db, scope, { roundId: r.id, expectedVersion: saved.version }, new Date(start + 30 * 86_400_000));
  }
  return loopId;
}

async function measure(loopId: string) {
  let queries = 0;
  const counted = db.$extends({ query: { $allOperations: ({ args, query }) => { queries++; return query(args); } } }) as unknown as Db;
  await getDebrief(counted, coach, { loopId });
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await getDebrief(db, coach, { loopId });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { queries, median: times[5]!, max: times[9]! };
}

const small = await loopWith(2, 7);
const large = await loopWith(6, 9);
const a = await measure(small);
const b = await measure(large);
console.log(`debrief benchmark (PostgreSQL server, ${await db.scorecard.count()} submitted scorecards in the workspace)`);
console.log(`  2 scorecards: ${a.queries} queries, median ${a.median.toFixed(1)} ms, max ${a.max.toFixed(1)} ms`);
console.log(`  6 scorecards: ${b.queries} queries, median ${b.median.toFixed(1)} ms, max ${b.max.toFixed(1)} ms`);
console.log(a.queries === b.queries ? "PASS: the query count does not grow with rounds and scorecards" : "FAIL: the query count grows");
process.exit(a.queries === b.queries ? 0 : 1);
