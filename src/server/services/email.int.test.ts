import { describe, expect, it } from "vitest";
import { createUser, createWorkspaceWithRoles, db } from "@/test/factories";
import { enqueueEmail } from "@/server/email/outbox";
import { devMailboxAccess, listDevMailbox } from "./email";

describe("dev mailbox access", () => {
  it("demo mode: open to anyone on this machine, all messages", async () => {
    expect(await devMailboxAccess(db, { demo: true, devMailbox: true, localRequest: true }, null)).toEqual({
      all: true,
    });
  });

  it("demo mode: closed to requests from elsewhere (it would hand out every account's sign-in link)", async () => {
    expect(await devMailboxAccess(db, { demo: true, devMailbox: true, localRequest: false }, null)).toBeNull();
    expect(
      await devMailboxAccess(db, { demo: true, devMailbox: true, localRequest: false }, await createUser("remote")),
    ).toBeNull();
    // An owner signed in from elsewhere still reads their own workspaces' mail, as in a deployment.
    const ws = await createWorkspaceWithRoles("mailbox-remote-owner");
    expect(
      await devMailboxAccess(db, { demo: true, devMailbox: true, localRequest: false }, ws.members.owner.actor),
    ).toEqual({ workspaceIds: [ws.id] });
  });

  it("deployment without a provider: owners see only their workspaces' mail", async () => {
    const mine = await createWorkspaceWithRoles("mailbox-mine");
    const other = await createWorkspaceWithRoles("mailbox-other");
    const email = { template: "test", subject: "Hello", html: "<p>x</p>", text: "x" };
    await enqueueEmail(db, { workspaceId: mine.id, to: "a@example.test", email });
    await enqueueEmail(db, { workspaceId: other.id, to: "b@example.test", email });
    await enqueueEmail(db, { workspaceId: null, to: "signin@example.test", email });

    const filter = await devMailboxAccess(
      db,
      { demo: false, devMailbox: true, localRequest: true },
      mine.members.owner.actor,
    );
    expect(filter).toEqual({ workspaceIds: [mine.id] });
    const messages = await listDevMailbox(db, filter!);
    expect(messages.map((m) => m.to)).toEqual(expect.arrayContaining(["a@example.test"]));
    expect(messages.map((m) => m.to)).not.toContain("b@example.test");
    expect(messages.map((m) => m.to)).not.toContain("signin@example.test");

    for (const role of ["coach", "interviewer", "candidate"] as const) {
      expect(
        await devMailboxAccess(db, { demo: false, devMailbox: true, localRequest: true }, mine.members[role].actor),
      ).toBeNull();
    }
    expect(await devMailboxAccess(db, { demo: false, devMailbox: true, localRequest: true }, null)).toBeNull();
    expect(
      await devMailboxAccess(db, { demo: false, devMailbox: true, localRequest: true }, await createUser("nobody")),
    ).toBeNull();
  });

  it("deployment with a mail provider: closed", async () => {
    const ws = await createWorkspaceWithRoles("mailbox-provider");
    expect(
      await devMailboxAccess(db, { demo: false, devMailbox: false, localRequest: true }, ws.members.owner.actor),
    ).toBeNull();
  });
});
