// The fixed cost of a call, in SQL statements sent to PostgreSQL (BEGIN and COMMIT included), counted
// at the driver: the session lookup, a whole call over HTTP (session and rate limits included), and an
// autosave from membership check to commit. Issue #16 measured
// 12 statements for an autosave; the floor is the transaction that row-level security needs.
import { describe, expect, it } from "vitest";
import { createBookedLoop, createWorkspaceWithRoles, db, submitScorecards } from "@/test/factories";
import { createSessionFor, findSessionActor } from "@/server/services/session";
import { sqlStatements as statements } from "@/test/statements";
import { checkHealth, HEALTH_PROBE_REUSE_MS } from "@/server/services/health";
import { handleTrpcRequest } from "@/server/api/http";
import { PEER_ADDRESS_HEADER } from "@/server/peer-address";

describe("statements per call", () => {
  it("a session is found in one statement", async () => {
    const ws = await createWorkspaceWithRoles("stmt-session");
    const { sessionToken } = await createSessionFor(db, ws.members.coach.actor.userId);
    let actor: Awaited<ReturnType<typeof findSessionActor>> = null;
    const sent = await statements(async () => (actor = await findSessionActor(db, sessionToken)));
    expect(actor).toMatchObject({ userId: ws.members.coach.actor.userId });
    expect(sent).toHaveLength(1);
    expect(await findSessionActor(db, "no-such-token")).toBeNull();
  });

  it("a call over HTTP adds the session and one statement for both API limits (per address and per user)", async () => {
    const ws = await createWorkspaceWithRoles("stmt-http");
    const { sessionToken } = await createSessionFor(db, ws.members.coach.actor.userId);
    const input = encodeURIComponent(JSON.stringify({ json: { workspaceId: ws.id } }));
    const call = () =>
      handleTrpcRequest(
        new Request(`http://localhost/api/trpc/workspace.get?input=${input}`, {
          headers: { cookie: `next-auth.session-token=${sessionToken}`, [PEER_ADDRESS_HEADER]: "198.51.100.40" },
        }),
      );
    expect((await call()).status).toBe(200); // the limits' pool connects outside the count
    let status = 0;
    const sent = await statements(async () => (status = (await call()).status));
    expect(status).toBe(200);
    expect(sent.filter((s) => /rate_limits/.test(s))).toHaveLength(1);
    // The session, the limits, BEGIN, the membership with set_config, the workspace, COMMIT.
    expect(sent).toHaveLength(6);
  });

  it("the load balancer's health probe is one statement, none within a second of the last; the details add the outbox backlog", async () => {
    let probe: Awaited<ReturnType<typeof checkHealth>> | undefined;
    const anonymous = await statements(async () => (probe = await checkHealth({ details: false })));
    expect(probe).toMatchObject({ status: "ok", outbox: { pending: null } });
    expect(anonymous).toHaveLength(1);
    const again = await statements(async () => (probe = await checkHealth({ details: false })));
    expect(probe).toMatchObject({ status: "ok", database: { status: "up" } });
    expect(again).toHaveLength(0);
    await new Promise((r) => setTimeout(r, HEALTH_PROBE_REUSE_MS));
    expect(await statements(() => checkHealth({ details: false }))).toHaveLength(1);
    const detailed = await statements(async () => (probe = await checkHealth({ details: true })));
    expect(probe?.outbox.pending).toEqual(expect.any(Number));
    expect(detailed).toHaveLength(2);
  });

  it("an autosave is the transaction (whose first statement checks the membership), one read of the card and one conditional UPDATE … RETURNING", async () => {
    const ws = await createWorkspaceWithRoles("stmt-save");
    const loop = await createBookedLoop(ws, {
      template: "entry-coding-focus",
      bookings: [[1, ws.members.interviewer]],
    });
    const roundId = loop.rounds[1]!.id;
    const iv = ws.members.interviewer.caller;
    const opened = await iv.scorecard.open({ workspaceId: ws.id, roundId });
    const key = opened.rubric.signals[0]!.key;
    const save = (version: number, rating: 1 | 2 | 3 | 4) =>
      iv.scorecard.save({
        workspaceId: ws.id,
        roundId,
        expectedVersion: version,
        ratings: { [key]: { rating, evidence: "typed" } },
        redFlagKeys: [],
        recommendation: null,
        summary: "",
      });
    const first = await save(opened.scorecard.version, 2); // reads the published rubric once
    let saved: Awaited<ReturnType<typeof save>> | undefined;
    const sent = await statements(async () => (saved = await save(first.version, 3)));
    expect(saved).toMatchObject({
      version: first.version + 1,
      status: "draft",
      ratings: { [key]: { rating: 3, evidence: "typed" } },
    });
    expect(sent.filter((s) => /^\s*(BEGIN|COMMIT)/i.test(s))).toHaveLength(2);
    // BEGIN, the membership with set_config (on a server), the card, the UPDATE, COMMIT.
    expect(sent.length).toBeLessThanOrEqual(5);
    // A stale version still loses, and the card is unchanged.
    await expect(save(first.version, 4)).rejects.toThrow(/changed|newer|version/i);
    expect((await iv.scorecard.open({ workspaceId: ws.id, roundId })).scorecard.ratings[key]).toMatchObject({
      rating: 3,
    });
  });

  it("a debrief is the transaction and one read (the published rubric versions come from memory)", async () => {
    const ws = await createWorkspaceWithRoles("stmt-debrief");
    const loop = await createBookedLoop(ws, {
      template: "entry-coding-focus",
      bookings: [
        [1, ws.members.interviewer],
        [2, ws.members.owner],
      ],
    });
    await submitScorecards(ws, [
      { roundId: loop.rounds[1]!.id, member: ws.members.interviewer, rate: () => 3 },
      { roundId: loop.rounds[2]!.id, member: ws.members.owner, rate: () => 2 },
    ]);
    const get = () => ws.members.coach.caller.debrief.get({ workspaceId: ws.id, loopId: loop.loopId });
    await get();
    let d: Awaited<ReturnType<typeof get>> | undefined;
    const sent = await statements(async () => (d = await get()));
    expect(d?.columns).toHaveLength(2);
    // BEGIN, the membership with set_config (on a server), the debrief's read, COMMIT.
    expect(sent.length).toBeLessThanOrEqual(4);
    expect(sent.filter((s) => /"scorecards"/.test(s))).toHaveLength(1);
  });
});
