// The demo sign-in exists only in demo mode.
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/env";
import { db } from "@/test/factories";
import { DEMO_USERS, seedDemoData } from "@/server/services/demo";
import { createLoop } from "@/server/services/loop";
import { suggestSlots } from "@/server/services/schedule";
import { POST } from "./route";

function form(email: string) {
  const body = new URLSearchParams({ email, callbackUrl: "https://evil.example/steal" });
  return new Request("http://localhost:3999/api/demo/sign-in", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
}

afterEach(() => {
  delete process.env.LOOPWISE_DEMO;
  resetEnvForTests();
});

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
    process.env.LOOPWISE_DEMO = "1";
    resetEnvForTests();
    await seedDemoData(db);
    await seedDemoData(db); // idempotent
    expect(await db.workspace.count({ where: { slug: "demo" } })).toBe(1);
    expect(await db.membership.count({ where: { workspace: { slug: "demo" } } })).toBe(DEMO_USERS.length);
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
    const cara = await db.membership.findFirstOrThrow({ where: { workspaceId: ws.id, user: { email: "cara.candidate@demo.loopwise.dev" } } });
    const scope = { workspaceId: ws.id, userId: owner.userId, memberId: owner.id, role: "owner" as const };
    const template = await db.loopTemplate.findFirstOrThrow({ where: { workspaceId: ws.id, key: "backend-mid-virtual-onsite" } });
    const loop = await createLoop(db, scope, { candidateMemberId: cara.id, templateId: template.id, targetRole: "Backend engineer", level: "mid" });
    const options = await suggestSlots(db, scope, { loopId: loop.id });
    expect(options.length).toBeGreaterThan(0);
    expect(options[0]!.rounds).toHaveLength(6);
    expect(await db.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) }, timeZone: null } })).toBe(0);
  });

  it("refuses an address that is not a demo user", async () => {
    process.env.LOOPWISE_DEMO = "1";
    resetEnvForTests();
    expect((await POST(form("someone@example.test"))).status).toBe(400);
  });
});
