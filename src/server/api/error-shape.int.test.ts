// The one error shape clients read (src/server/api/trpc.ts, errorFormatter): a service's AppError arrives
// with its field and reason, and its message under that field in `fieldErrors`, next to zod's field errors.
import { describe, expect, it } from "vitest";
import { logger } from "@/server/logger";
import { createWorkspaceWithRoles, db } from "@/test/factories";
import { handleTrpcRequest } from "./http";

interface ErrorShape {
  message: string;
  data: {
    code: string;
    httpStatus: number;
    field: string | null;
    reason: string | null;
    fieldErrors: Record<string, string[]> | null;
    stack?: unknown;
  };
}

describe("the tRPC error shape", () => {
  it("carries a service's field and reason, with the message under that field", async () => {
    const ws = await createWorkspaceWithRoles("errshape");
    const { owner, interviewer } = ws.members;
    const call = async (path: string, input: unknown) => {
      const req = new Request(`http://localhost/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
      const res = await handleTrpcRequest(req, () =>
        Promise.resolve({ db, actor: owner.actor, requestId: "error-shape", log: logger }),
      );
      const body = (await res.json()) as { error?: { json?: ErrorShape } };
      return { status: res.status, error: body.error?.json };
    };

    const email = String(interviewer.actor.email);
    // The service refuses an address that already belongs to a member (AppError with field "email").
    const member = await call("invitation.create", {
      workspaceId: ws.id,
      email: email.toUpperCase(),
      role: "coach",
    });
    expect(member.status).toBe(409);
    const message = `${email.toLowerCase()} is already a member of this workspace.`;
    expect(member.error).toMatchObject({
      message,
      data: {
        code: "CONFLICT",
        field: "email",
        reason: "already_member",
        fieldErrors: { email: [message] },
      },
    });
    expect(member.error?.data.stack ?? null).toBeNull();

    // zod's field errors arrive in the same place.
    const invalid = await call("invitation.create", { workspaceId: ws.id, email: "not an address", role: "coach" });
    expect(invalid.status).toBe(400);
    expect(invalid.error?.data).toMatchObject({ code: "BAD_REQUEST", field: null, reason: "invalid_input" });
    expect(Object.keys(invalid.error?.data.fieldErrors ?? {})).toEqual(["email"]);

    // An error about no field in particular has no field errors.
    const nothing = await call("workspace.update", { workspaceId: ws.id });
    expect(nothing.status).toBe(400);
    expect(nothing.error?.data).toMatchObject({ field: null, fieldErrors: null });
  });

  it("names the field of a refused character and the reason", async () => {
    const ws = await createWorkspaceWithRoles("errshape-nul");
    const result = await ws.members.owner.caller.invitation
      .create({ workspaceId: ws.id, email: "a\u0000@example.com", role: "coach" })
      .then(
        () => null,
        (err: unknown) => err as { cause?: { field?: string; reason?: string } },
      );
    expect(result?.cause).toMatchObject({ field: "email", reason: "unsafe_text" });
  });
});
