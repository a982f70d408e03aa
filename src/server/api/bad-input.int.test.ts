// Every mutation, given malformed input over HTTP, answers 400 BAD_REQUEST with a message a person can
// read, never a 500, and changes nothing that was saved.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { logger } from "@/server/logger";
import type { Actor } from "@/server/services/scope";
import { createWorkspaceWithRoles, db, snapshotWorkspace, type TestWorkspace } from "@/test/factories";
import { listProcedures, malformedInputs, sampleInput } from "@/test/procedures";
import { workspaceFixtures } from "@/test/sweep-fixtures";

async function post(actor: Actor, path: string, input: unknown) {
  const req = new Request(`http://localhost/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => ({ db, actor, requestId: "bad-input", log: logger }),
  });
  return { status: res.status, body: (await res.json()) as { error?: { json?: { message?: string; data?: { code?: string } } } } };
}

const mutations = listProcedures().filter((p) => p.type === "mutation");

describe("bad input", () => {
  let ws: TestWorkspace;
  let refs: Record<string, string>;
  beforeAll(async () => {
    ws = await createWorkspaceWithRoles("badinput");
    refs = await workspaceFixtures(ws, "badinput");
  });

  it("has mutations to check", () => {
    expect(mutations.length).toBeGreaterThanOrEqual(8);
  });

  it.each(mutations.map((p) => [p.path, p] as const))("%s rejects malformed input with a readable 400", async (path, p) => {
    const before = await snapshotWorkspace(ws.id);
    const valid = sampleInput(p, refs);
    for (const { label, input } of malformedInputs(p, valid)) {
      const { status, body } = await post(ws.members.owner.actor, path, input);
      const message = body.error?.json?.message ?? "";
      expect(`${label}: ${status} ${body.error?.json?.data?.code}`).toBe(`${label}: 400 BAD_REQUEST`);
      // Readable: a sentence, not a serialized object or a stack trace.
      expect(message.length, label).toBeGreaterThan(5);
      expect(message, label).not.toMatch(/^\s*[[{]|\bat .+:\d+:\d+|ZodError/);
    }
    expect(await snapshotWorkspace(ws.id)).toEqual(before);
  });

  it("names the field and the rule in the message", async () => {
    const { body } = await post(ws.members.owner.actor, "invitation.create", { workspaceId: ws.id, email: "not-an-email", role: "coach" });
    expect(body.error?.json?.message).toBe("email: Enter a valid email address, like name@example.com");
  });
});
