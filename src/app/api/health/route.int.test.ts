// Anonymous health says only ok/down; the details are for an owner or a monitor holding HEALTH_TOKEN.
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/env";
import { createSessionFor } from "@/server/services/session";
import { createWorkspaceWithRoles, db } from "@/test/factories";
import { GET } from "./route";

const TOKEN = "health-token-0123456789abcdef";

function get(headers: Record<string, string> = {}) {
  return GET(new Request("http://localhost:3999/api/health", { headers }));
}

afterEach(() => {
  delete process.env.HEALTH_TOKEN;
  resetEnvForTests();
});

describe("GET /api/health", () => {
  it("tells an anonymous caller only the status", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("gives the details with the right bearer token, and nothing more with a wrong one", async () => {
    process.env.HEALTH_TOKEN = TOKEN;
    resetEnvForTests();
    const res = await get({ authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "ok",
      app: { mode: "deployment" },
      database: { status: "up", kind: "server" },
      outbox: { pending: expect.any(Number) },
    });
    expect(await (await get({ authorization: "Bearer wrong-token-0123456789" })).json()).toEqual({ status: "ok" });
    expect(await (await get({ authorization: TOKEN })).json()).toEqual({ status: "ok" });
  });

  it("gives the details to a signed-in owner, not to other members", async () => {
    const ws = await createWorkspaceWithRoles("health");
    const cookie = async (userId: string) =>
      `next-auth.session-token=${(await createSessionFor(db, userId)).sessionToken}`;
    const owner = await (await get({ cookie: await cookie(ws.members.owner.actor.userId) })).json();
    expect(owner).toMatchObject({ status: "ok", database: { kind: "server" } });
    for (const role of ["coach", "interviewer", "candidate"] as const) {
      expect(await (await get({ cookie: await cookie(ws.members[role].actor.userId) })).json()).toEqual({
        status: "ok",
      });
    }
  });
});
