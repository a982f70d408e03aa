// The demo sign-in exists only in demo mode, answers only this machine, and only the app's own form.
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/env";
import { PEER_ADDRESS_HEADER } from "@/server/peer-address";
import { db } from "@/test/factories";
import { DEMO_USERS, seedDemoData } from "@/server/services/demo";
import { createLoop } from "@/server/services/loop/lifecycle";
import { suggestSlots } from "@/server/services/schedule/suggestions";
import { POST } from "./route";

const LOCAL = {
  host: "localhost:3999",
  [PEER_ADDRESS_HEADER]: "127.0.0.1",
  "x-forwarded-for": "127.0.0.1",
  origin: "http://localhost:3999",
};

function form(email: string, headers: Record<string, string> = LOCAL) {
  const body = new URLSearchParams({ email, callbackUrl: "https://evil.example/steal" });
  return new Request("http://localhost:3999/api/demo/sign-in", {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });
}

afterEach(() => {
  delete process.env.LOOPWISE_DEMO;
  resetEnvForTests();
});

function demoOn() {
  process.env.LOOPWISE_DEMO = "1";
  resetEnvForTests();
}

describe("demo sign-in route", () => {
  it("answers 404 in a deployment without demo mode, and creates no session", async () => {
    process.env.LOOPWISE_DEMO = "0";
    resetEnvForTests();
    const before = await db.session.count();
    const res = await POST(form(DEMO_USERS[0]!.email));
    expect(res.status).toBe(404);
    expect(await db.session.count()).toBe(before);
  });

  it("in demo mode signs in a demo user, sets the cookie and stays on-site", async () => {
    demoOn();
    await seedDemoData(db);
    await seedDemoData(db); // idempotent
    expect(await db.workspace.count({ where: { slug: "demo" } })).toBe(1);
    expect(await db.membership.count({ where: { workspace: { slug: "demo" } } })).toBe(DEMO_USERS.length);
    // One calibration exercise per technical round type, each rating only signals of the published rubric.
    const exercises = await db.calibrationExercise.findMany({ where: { workspace: { slug: "demo" } } });
    const types = await db.roundType.findMany({ where: { id: { in: exercises.map((e) => e.roundTypeId) } } });
    expect(types.map((t) => t.key).sort()).toEqual(["backend-depth", "coding", "system-design", "technical-screen"]);
    for (const e of exercises) {
      const keys = (await db.signal.findMany({ where: { rubricVersionId: e.rubricVersionId } })).map((s) => s.key);
      const referenced = Object.keys(e.reference as Record<string, unknown>);
      expect(referenced.length).toBeGreaterThanOrEqual(4);
      expect(referenced.filter((k) => !keys.includes(k))).toEqual([]);
    }
    const res = await POST(form(DEMO_USERS[0]!.email));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://localhost:3999/w");
    const token = /next-auth\.session-token=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
    expect(token).toBeTruthy();
    const session = await db.session.findUnique({ where: { sessionToken: token! }, include: { user: true } });
    expect(session?.user.email).toBe(DEMO_USERS[0]!.email);
  });

  it("the demo workspace is ready to schedule: its interviewers have round types and hours, so the first suggestion finds slots", async () => {
    await seedDemoData(db);
    const ws = await db.workspace.findUniqueOrThrow({ where: { slug: "demo" } });
    const owner = await db.membership.findFirstOrThrow({ where: { workspaceId: ws.id, role: "owner" } });
    const cara = await db.membership.findFirstOrThrow({
      where: { workspaceId: ws.id, user: { email: "cara.candidate@demo.loopwise.dev" } },
    });
    const scope = { workspaceId: ws.id, userId: owner.userId, memberId: owner.id, role: "owner" as const };
    const template = await db.loopTemplate.findFirstOrThrow({
      where: { workspaceId: ws.id, key: "backend-mid-virtual-onsite" },
    });
    const loop = await createLoop(db, scope, {
      candidateMemberId: cara.id,
      templateId: template.id,
      targetRole: "Backend engineer",
      level: "mid",
    });
    const options = await suggestSlots(db, scope, { loopId: loop.id });
    expect(options.length).toBeGreaterThan(0);
    expect(options[0]!.rounds).toHaveLength(6);
    // The demo's training path: Coding is led by Ivan (signed off), with Inés, its trainee, shadowing.
    const [ivan, ines] = await Promise.all(
      ["ivan.interviewer@demo.loopwise.dev", "ines.interviewer@demo.loopwise.dev"].map((email) =>
        db.membership.findFirstOrThrow({ where: { workspaceId: ws.id, user: { email } } }),
      ),
    );
    const codingRounds = await db.round.findMany({
      where: {
        loopId: loop.id,
        roundTypeId: (await db.roundType.findFirstOrThrow({ where: { workspaceId: ws.id, key: "coding" } })).id,
      },
    });
    const suggested = options[0]!.rounds.filter((r) => codingRounds.some((c) => c.id === r.roundId));
    expect(suggested.map((r) => [r.interviewerMemberId, r.shadow?.memberId ?? null])).toEqual([
      [ivan!.id, ines!.id],
      [ivan!.id, ines!.id],
    ]);
    expect(await db.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) }, timeZone: null } })).toBe(0);
  });

  it("refuses an address that is not a demo user", async () => {
    demoOn();
    expect((await POST(form("someone@example.test"))).status).toBe(400);
  });

  it.each([
    ["from another machine", { ...LOCAL, [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "203.0.113.7" }],
    [
      "from another machine claiming to be local in X-Forwarded-For",
      { ...LOCAL, [PEER_ADDRESS_HEADER]: "203.0.113.7" },
    ],
    ["relayed by a local proxy for another machine", { ...LOCAL, "x-forwarded-for": "203.0.113.7, 127.0.0.1" }],
    ["with no recorded peer address", { host: LOCAL.host, origin: LOCAL.origin }],
    [
      "to a non-local Host (DNS rebinding)",
      { ...LOCAL, host: "rebind.evil.example:3999", origin: "http://rebind.evil.example:3999" },
    ],
    ["posted by another site (login CSRF)", { ...LOCAL, origin: "https://evil.example" }],
    ["posted from an opaque origin", { ...LOCAL, origin: "null" }],
    [
      "with a Referer from another site",
      {
        ...Object.fromEntries(Object.entries(LOCAL).filter(([k]) => k !== "origin")),
        referer: "https://evil.example/page",
      },
    ],
    ["with neither Origin nor Referer", Object.fromEntries(Object.entries(LOCAL).filter(([k]) => k !== "origin"))],
  ])("in demo mode refuses a request %s with 403 and no session", async (_label, headers) => {
    demoOn();
    await seedDemoData(db);
    const sessions = () => db.session.count({ where: { user: { email: DEMO_USERS[0]!.email } } });
    const before = await sessions();
    const res = await POST(form(DEMO_USERS[0]!.email, headers));
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await sessions()).toBe(before);
  });

  it("accepts the same-origin Referer when a browser sends no Origin, and IPv6 loopback", async () => {
    demoOn();
    await seedDemoData(db);
    const headers = {
      host: "[::1]:3999",
      [PEER_ADDRESS_HEADER]: "::1",
      "x-forwarded-for": "::1",
      referer: "http://[::1]:3999/sign-in",
    };
    expect((await POST(form(DEMO_USERS[0]!.email, headers))).status).toBe(303);
  });
});
