// The public REST API over its real route handlers, against PostgreSQL: keys (shown once, hashed, revocable,
// last used), scopes and resources, the roles of the person a key acts as, a cross-workspace sweep over
// every endpoint of the route table, and the per-key rate limit.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/env";
import { resetRateLimitsForTests } from "@/server/rate-limit";
import { hashToken } from "@/server/services/secret-token";
import { api, makeKey } from "@/test/api-client";
import {
  callerFor,
  createWorkspaceWithRoles,
  db,
  decideLoop,
  roundHasStarted,
  submitScorecards,
  type TestWorkspace,
} from "@/test/factories";
import { bookedLoop } from "@/test/scorecard-fixtures";
import { workspaceFixtures } from "@/test/sweep-fixtures";
import { API_ROUTES } from "./routes";

/** A complete scorecard for a round's rubric, as the interviewer's own caller sees it. */
async function completeScorecard(ws: TestWorkspace, roundId: string) {
  const opened = await ws.members.interviewer.caller.scorecard.open({ workspaceId: ws.id, roundId });
  return {
    ratings: Object.fromEntries(opened.rubric.signals.map((s) => [s.key, { rating: 3, evidence: `seen ${s.key}` }])),
    redFlagKeys: [],
    recommendation: "yes",
    summary: "Solid round, submitted through the API.",
  };
}

describe("API keys", () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await createWorkspaceWithRoles("apikeys");
  });

  it("shows the secret once, keeps only its hash, and lists the key without it", async () => {
    const { id, secret } = await makeKey(ws, { scope: "read" });
    expect(secret).toMatch(/^lw_live_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));
    const list = await callerFor(ws.members.owner.actor).apiKey.list({ workspaceId: ws.id });
    const listed = list.find((k) => k.id === id)!;
    expect(listed.prefix).toBe(secret.slice(0, 12));
    expect(JSON.stringify(list)).not.toContain(secret);
  });

  it("refuses to bind a key to a candidate", async () => {
    await expect(makeKey(ws, { bindTo: "candidate" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers 401 without a key, with a malformed or unknown key, and once the key is revoked", async () => {
    const { id, secret } = await makeKey(ws);
    expect((await api(secret, "GET", "/members")).status).toBe(200);
    for (const key of [null, "not-a-key", `lw_live_${"A".repeat(43)}`]) {
      const res = await api(key, "GET", "/members");
      expect(`${key}: ${res.status} ${res.body.error?.code}`).toBe(`${key}: 401 UNAUTHORIZED`);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    await callerFor(ws.members.owner.actor).apiKey.revoke({ workspaceId: ws.id, apiKeyId: id });
    const revoked = await api(secret, "GET", "/members");
    expect([revoked.status, revoked.body.error?.message]).toEqual([
      401,
      "This API key is unknown or revoked. Ask a workspace owner for a new one.",
    ]);
  });

  it("answers 401 once the owner who made an unbound key is no longer a member", async () => {
    const other = await createWorkspaceWithRoles("apikeys-left");
    const { secret } = await makeKey(other);
    expect((await api(secret, "GET", "/members")).status).toBe(200);
    await db.membership.delete({ where: { id: other.members.owner.memberId } });
    expect((await api(secret, "GET", "/members")).status).toBe(401);
  });

  it("records when a key was last used, at most once a minute", async () => {
    const { id, secret } = await makeKey(ws);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    await api(secret, "GET", "/members");
    const first = (await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await api(secret, "GET", "/members");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    await db.apiKey.update({ where: { id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await api(secret, "GET", "/members");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt!.getTime()).toBeGreaterThan(
      first!.getTime(),
    );
  });
});

describe("scopes, resources and roles", () => {
  let ws: TestWorkspace;
  let loopId: string;
  let roundIds: string[];
  beforeAll(async () => {
    ws = await createWorkspaceWithRoles("apiscope");
    const booked = await bookedLoop(ws, [ws.members.interviewer, ws.members.coach]);
    loopId = booked.loopId;
    roundIds = booked.rounds.map((r) => r.id);
    for (const id of roundIds.slice(0, 2)) await roundHasStarted(id);
  });

  it("lists loops a page at a time with a cursor", async () => {
    await bookedLoop(ws, [ws.members.interviewer]);
    const { secret } = await makeKey(ws);
    const first = await api(secret, "GET", "/loops?limit=1");
    expect(first.status).toBe(200);
    const page = first.body as { items: { id: string }[]; nextCursor: string };
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toBeTruthy();
    const second = await api(secret, "GET", `/loops?limit=1&cursor=${page.nextCursor}`);
    const next = second.body as { items: { id: string }[] };
    expect(next.items).toHaveLength(1);
    expect(next.items[0]!.id).not.toBe(page.items[0]!.id);
    expect((await api(secret, "GET", "/loops?limit=0")).status).toBe(400);
    expect((await api(secret, "GET", "/loops?colour=red")).body.error?.message).toMatch(
      /Unknown query parameter "colour"/,
    );
  });

  it("a read key cannot submit a scorecard (403), even bound to the round's interviewer", async () => {
    const { secret } = await makeKey(ws, { scope: "read", bindTo: "interviewer" });
    const res = await api(
      secret,
      "POST",
      `/rounds/${roundIds[0]}/scorecard`,
      await completeScorecard(ws, roundIds[0]!),
    );
    expect([res.status, res.body.error?.reason]).toEqual([403, "api_key_scope"]);
    const card = await db.scorecard.findFirstOrThrow({ where: { roundId: roundIds[0], workspaceId: ws.id } });
    expect(card.status).toBe("draft");
  });

  it("a write key bound to an interviewer submits their own scorecard, and no one else's", async () => {
    const { secret } = await makeKey(ws, { scope: "write", bindTo: "interviewer" });
    const content = await completeScorecard(ws, roundIds[0]!);
    const res = await api(secret, "POST", `/rounds/${roundIds[0]}/scorecard`, content);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: "submitted", summary: content.summary });
    const again = await api(secret, "POST", `/rounds/${roundIds[0]}/scorecard`, content);
    expect(again.status).toBe(409);
    // The second round is the coach's: the interviewer has no scorecard there.
    const theirs = await api(secret, "POST", `/rounds/${roundIds[1]}/scorecard`, content);
    expect(theirs.status).toBe(404);
    expect(await db.scorecard.count({ where: { roundId: roundIds[1] } })).toBe(0);
    // Bad input is a 400 that names the field, over the same schema as the app.
    const bad = await api(secret, "POST", `/rounds/${roundIds[0]}/scorecard`, { ...content, summary: 5 });
    expect([bad.status, bad.body.error?.code]).toEqual([400, "BAD_REQUEST"]);
    expect((await api(secret, "POST", `/rounds/${roundIds[0]}/scorecard`, "{nope")).status).toBe(400);
  });

  it("a key acts with its person's role: an interviewer's key cannot list loops (403), an owner's can", async () => {
    const interviewer = await makeKey(ws, { bindTo: "interviewer" });
    expect((await api(interviewer.secret, "GET", "/loops")).status).toBe(403);
    expect((await api(interviewer.secret, "GET", `/loops/${loopId}`)).status).toBe(403);
    expect((await api(interviewer.secret, "GET", "/members")).status).toBe(200);
    const owner = await makeKey(ws);
    const loop = await api(owner.secret, "GET", `/loops/${loopId}`);
    expect([loop.status, loop.body.id]).toEqual([200, loopId]);
    const rounds = await api(owner.secret, "GET", `/loops/${loopId}/rounds`);
    expect((rounds.body as { items: { id: string }[] }).items.map((r) => r.id)).toEqual(roundIds);
  });

  it("a key restricted to some resources gets 403 from the others", async () => {
    const { secret } = await makeKey(ws, { resources: ["members"] });
    expect((await api(secret, "GET", "/members")).status).toBe(200);
    const loops = await api(secret, "GET", "/loops");
    expect([loops.status, loops.body.error?.reason]).toEqual([403, "api_key_resource"]);
    expect((await api(secret, "GET", "/round-types")).status).toBe(403);
  });

  it("reads only released reports", async () => {
    const { secret } = await makeKey(ws);
    const report = await db.feedbackReport.create({
      data: { workspaceId: ws.id, loopId, candidateMemberId: ws.members.candidate.memberId, draft: {} },
    });
    expect((await api(secret, "GET", `/reports/${report.id}`)).status).toBe(404);
    expect((await api(secret, "GET", `/reports?loopId=${loopId}`)).body).toEqual({ items: [], nextCursor: null });
  });
});

describe("every endpoint in its own workspace", () => {
  it.each(["owner", "coach"] as const)(
    "answers 200 with its documented shape to a key acting as the %s",
    async (role) => {
      const ws = await createWorkspaceWithRoles(`apiall-${role}`);
      const { loopId, rounds } = await bookedLoop(ws, [ws.members.interviewer]);
      await submitScorecards(ws, [{ roundId: rounds[0]!.id, member: ws.members.interviewer, rate: () => 3 }]);
      await decideLoop(ws, loopId);
      const { reportId } = await ws.members.coach.caller.report.openDraft({ workspaceId: ws.id, loopId });
      await ws.members.coach.caller.report.release({ workspaceId: ws.id, loopId });
      const { secret } = await makeKey(ws, role === "owner" ? {} : { bindTo: "coach" });
      const refs: Record<string, string> = {
        loopId,
        roundId: rounds[0]!.id,
        roundTypeId: rounds[0]!.roundTypeId,
        reportId,
      };
      for (const route of API_ROUTES.filter((r) => r.method === "GET")) {
        const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => refs[name]!);
        const res = await api(secret, "GET", path);
        expect(`${route.id}: ${res.status}`, JSON.stringify(res.body)).toBe(`${route.id}: 200`);
      }
      const scorecards = await api(secret, "GET", `/loops/${loopId}/scorecards`);
      expect(scorecards.body.items).toEqual([expect.objectContaining({ status: "submitted", content: true })]);
      const reports = await api(secret, "GET", "/reports");
      expect(reports.body.items).toEqual([expect.objectContaining({ id: reportId, loopId, version: 1 })]);
      const report = await api(secret, "GET", `/reports/${reportId}`);
      expect(report.body).toMatchObject({ id: reportId, content: { level: "mid" } });
      const debrief = await api(secret, "GET", `/loops/${loopId}/debrief`);
      expect(debrief.body).toMatchObject({ loop: { id: loopId }, decision: { decision: "not_yet" } });
    },
  );
});

describe("cross-workspace sweep over every endpoint", () => {
  let a: TestWorkspace;
  let bRefs: Record<string, string>;
  let bIds: string[];
  beforeAll(async () => {
    a = await createWorkspaceWithRoles("apisweep-a");
    await workspaceFixtures(a, "apisweep-a");
    const b = await createWorkspaceWithRoles("apisweep-b");
    bRefs = await workspaceFixtures(b, "apisweep-b");
    bIds = [...Object.values(bRefs).filter((v) => v.length > 20), ...Object.values(b.members).map((m) => m.memberId)];
  });

  it.each(API_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "%s never reaches workspace B with a key of A",
    async (_label, route) => {
      // An owner's write key: the broadest a key can be.
      const { secret } = await makeKey(a, { scope: "write" });
      const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => bRefs[name]!);
      const idQuery = Object.keys(route.query?.shape ?? {}).filter((k) => k.endsWith("Id") && bRefs[k]);
      const query = idQuery.map((k) => `${k}=${bRefs[k]}`).join("&");
      const body =
        route.method === "POST" ? { ratings: {}, redFlagKeys: [], recommendation: null, summary: "" } : undefined;
      const res = await api(secret, route.method, query ? `${path}?${query}` : path, body);
      if (route.params) expect(`${res.status} ${res.body.error?.code}`).toBe("404 NOT_FOUND");
      else expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      for (const id of bIds) expect(text).not.toContain(id);
    },
  );
});

describe("rate limit per key", () => {
  afterEach(() => {
    delete process.env.RATE_LIMIT_API_PER_KEY;
    resetEnvForTests();
    resetRateLimitsForTests();
  });

  it("answers 429 with Retry-After past the key's limit; another key is not affected", async () => {
    process.env.RATE_LIMIT_API_PER_KEY = "3";
    resetEnvForTests();
    resetRateLimitsForTests();
    const ws = await createWorkspaceWithRoles("apilimit");
    const { secret } = await makeKey(ws);
    for (let i = 0; i < 3; i++) expect((await api(secret, "GET", "/members")).status).toBe(200);
    const limited = await api(secret, "GET", "/members");
    expect([limited.status, limited.body.error?.code]).toEqual([429, "TOO_MANY_REQUESTS"]);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const other = await makeKey(ws);
    expect((await api(other.secret, "GET", "/members")).status).toBe(200);
  });
});
