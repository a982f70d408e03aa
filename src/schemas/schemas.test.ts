import { describe, expect, it } from "vitest";
import { Email, TimeZone } from "./common";
import { CreateWorkspaceInput, Slug } from "./workspace";
import { envelope } from "@/domain/webhooks";
import { readWebhookEnvelope } from "./webhook";

describe("shared schemas", () => {
  it("normalises email addresses", () => {
    expect(Email.parse("  Jane.Doe@Example.COM ")).toBe("jane.doe@example.com");
    expect(Email.safeParse("jane@").success).toBe(false);
  });
  it("accepts IANA time zones only", () => {
    expect(TimeZone.safeParse("Europe/Berlin").success).toBe(true);
    expect(TimeZone.safeParse("Mars/Olympus").error?.issues[0]?.message).toMatch(/Choose a time zone/);
  });
  it.each([
    ["acme", true],
    ["acme-prep-2", true],
    ["-acme", false],
    ["ac", false],
    ["Acme Prep", false],
  ])("slug %s valid=%s", (slug, ok) => {
    expect(Slug.safeParse(slug).success).toBe(ok);
  });
  it("gives a workspace a default time zone and a clear message for a short name", () => {
    expect(CreateWorkspaceInput.parse({ name: "Acme" }).timeZone).toBe("UTC");
    expect(CreateWorkspaceInput.safeParse({ name: "A" }).error?.issues[0]?.message).toBe(
      "A workspace name needs at least 2 characters",
    );
  });
});

describe("readWebhookEnvelope", () => {
  const loop = { id: "l1", targetRole: "Backend engineer", candidate: { memberId: "m1", name: "Jordan" } };
  it("reads back what envelope() stored, for every event's data", () => {
    const stored = JSON.parse(
      JSON.stringify(envelope("e1", "round.cancelled", "w1", { loop, round: ROUND, reason: "Ill" }, new Date(0))),
    );
    expect(readWebhookEnvelope(stored)).toEqual(stored);
  });
  it("refuses a payload of an unknown type or with data of another type", () => {
    const good = envelope("e1", "webhook.test", "w1", { endpointId: "x", message: "hi" }, new Date(0));
    expect(() => readWebhookEnvelope({ ...good, type: "loop.deleted" })).toThrow();
    expect(() => readWebhookEnvelope({ ...good, type: "round.cancelled" })).toThrow();
  });
});
const ROUND = { id: "r1", label: "Coding", startsAt: null, endsAt: null, interviewer: null };
