import { describe, expect, it } from "vitest";
import { envelope, slackMessage, WEBHOOK_EVENTS, type WebhookEnvelope } from "./webhooks";

const loop = { id: "l1", targetRole: "Backend engineer", candidate: { memberId: "m1", name: "Jordan" } };
const round = {
  id: "r1",
  label: "Coding (round 2)",
  startsAt: "2026-12-07T10:00:00.000Z",
  endsAt: null,
  interviewer: null,
};
const at = new Date("2026-12-04T10:00:00Z");

describe("webhook envelopes and Slack messages", () => {
  it("wraps data in a versioned envelope", () => {
    expect(envelope("evt_1", "report.released", "ws1", { loop, reportId: "rep1", version: 2 }, at)).toEqual({
      id: "evt_1",
      type: "report.released",
      version: 1,
      createdAt: "2026-12-04T10:00:00.000Z",
      workspaceId: "ws1",
      data: { loop, reportId: "rep1", version: 2 },
    });
  });

  it("writes a scorecard for people", () => {
    const event = envelope(
      "evt_2",
      "scorecard.submitted",
      "ws1",
      { loop, round, scorecardId: "s1", interviewer: { memberId: "m2", name: "Ana" } },
      at,
    );
    const message = slackMessage(event);
    expect(message.text).toBe("Scorecard submitted by Ana for Coding (round 2) — Jordan's loop");
    expect(JSON.stringify(message.blocks)).toContain("Scorecard submitted by Ana");
  });

  it("shows times as Slack date tokens with a UTC fallback, and a loop without a candidate by its role", () => {
    const event = envelope(
      "e",
      "round.moved",
      "ws",
      { loop: { ...loop, candidate: null }, round, previousStartsAt: null },
      at,
    );
    expect(slackMessage(event).text).toBe(
      "Coding (round 2) moved to <!date^1796637600^{date_short_pretty} at {time}|2026-12-07 10:00 UTC> — the Backend engineer loop",
    );
  });

  it("has a sentence for every event type", () => {
    const samples: Record<string, unknown> = {
      "loop.created": { loop, coach: null },
      "round.scheduled": { loop, round },
      "round.moved": { loop, round, previousStartsAt: null },
      "round.cancelled": { loop, round, reason: "Candidate ill" },
      "scorecard.submitted": { loop, round, scorecardId: "s", interviewer: { memberId: "m", name: "Ana" } },
      "debrief.decided": { loop, decision: "not_yet", decidedBy: { memberId: "m", name: "Cy" } },
      "report.released": { loop, reportId: "r", version: 1 },
      "member.joined": { member: { memberId: "m", name: "Bo", role: "coach" } },
    };
    for (const type of WEBHOOK_EVENTS) {
      const text = slackMessage({
        ...envelope("e", "webhook.test", "ws", { endpointId: "x", message: "" }, at),
        type,
        data: samples[type],
      } as WebhookEnvelope).text;
      expect(text, type).not.toMatch(/undefined|\[object/);
      expect(text.length, type).toBeGreaterThan(10);
    }
  });
});
