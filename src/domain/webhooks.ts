// Webhooks: the events a workspace sends, the versioned envelope they travel in, and how each reads as a
// Slack message. Pure: the services build the data, the delivery worker sends it (README "Webhooks").

export const WEBHOOK_EVENTS = [
  "loop.created",
  "round.scheduled",
  "round.moved",
  "round.cancelled",
  "scorecard.submitted",
  "debrief.decided",
  "report.released",
  "member.joined",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
/** Sent only by "Send test event", to the one endpoint it was asked for. */
export const TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "loop.created": "A loop is created",
  "round.scheduled": "A round is booked",
  "round.moved": "A booked round moves to another time",
  "round.cancelled": "A round is cancelled",
  "scorecard.submitted": "An interviewer submits a scorecard",
  "debrief.decided": "A debrief decision is recorded",
  "report.released": "A feedback report is released to the candidate",
  "member.joined": "Someone joins the workspace",
};

/** The version of the envelope and of every event's data; a breaking change raises it. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

/**
 * Deliveries in a row that fail every attempt before an endpoint is turned off (and its owners told).
 * Each delivery has 8 attempts over one to two hours, so that is hours of failures at the least, and days
 * for an endpoint that gets a few events a day; one success resets the count.
 */
export const DISABLE_AFTER_FAILED_DELIVERIES = 5;

/**
 * Every attempt of a delivery is logged (the delivery itself keeps its last attempt for as long as it
 * exists) and kept this long: a delivery's eight attempts span one to two hours, so a month covers any
 * investigation of a failure, and a busy endpoint's log stays bounded by its traffic over 30 days.
 */
export const WEBHOOK_ATTEMPT_RETENTION_DAYS = 30;
/** What an attempt keeps of the answer's body and of an error message (characters). */
export const ATTEMPT_EXCERPT_CHARS = 1024;
export const ATTEMPT_ERROR_CHARS = 500;
/** The attempts the delivery log shows for one delivery, newest first. */
export const ATTEMPTS_SHOWN = 20;

/** Why an attempt failed. */
export const WEBHOOK_ERROR_CLASSES = [
  "http_status",
  "timeout",
  "network",
  "private_address",
  "refused_url",
  "unreadable_secret",
] as const;
export type WebhookErrorClass = (typeof WEBHOOK_ERROR_CLASSES)[number];

export function isWebhookErrorClass(value: string): value is WebhookErrorClass {
  return (WEBHOOK_ERROR_CLASSES as readonly string[]).includes(value);
}

export const WEBHOOK_ERROR_LABELS: Record<WebhookErrorClass, string> = {
  http_status: "Error answer",
  timeout: "Timed out",
  network: "Connection failed",
  private_address: "Private address refused",
  refused_url: "URL not allowed",
  unreadable_secret: "Secret unreadable",
};

/** A person as events name them: their membership and display name (no email address). */
export interface EventPerson {
  memberId: string;
  name: string;
}

export interface EventLoop {
  id: string;
  targetRole: string;
  /** Null while the candidate has not accepted their invitation yet. */
  candidate: EventPerson | null;
}

export interface EventRound {
  id: string;
  /** "Coding (round 2)": the round type, with its place when the loop has two of that type. */
  label: string;
  startsAt: string | null;
  endsAt: string | null;
  interviewer: EventPerson | null;
}

/** The data of each event type (the envelope's `data`). */
export interface WebhookEventData {
  "loop.created": { loop: EventLoop; coach: EventPerson | null };
  "round.scheduled": { loop: EventLoop; round: EventRound };
  "round.moved": { loop: EventLoop; round: EventRound; previousStartsAt: string | null };
  "round.cancelled": { loop: EventLoop; round: EventRound; reason: string };
  "scorecard.submitted": { loop: EventLoop; round: EventRound; scorecardId: string; interviewer: EventPerson };
  "debrief.decided": { loop: EventLoop; decision: string; decidedBy: EventPerson | null };
  "report.released": { loop: EventLoop; reportId: string; version: number };
  "member.joined": { member: EventPerson & { role: string } };
  "webhook.test": { endpointId: string; message: string };
}
export type AnyEventType = keyof WebhookEventData;

/** The request body of every delivery. */
export interface WebhookEnvelope<T extends AnyEventType = AnyEventType> {
  /** The event's id: also the `webhook-id` header, the same on every retry and resend (deduplicate on it). */
  id: string;
  type: T;
  version: number;
  createdAt: string;
  workspaceId: string;
  data: WebhookEventData[T];
}

export function envelope<T extends AnyEventType>(
  id: string,
  type: T,
  workspaceId: string,
  data: WebhookEventData[T],
  at: Date,
): WebhookEnvelope<T> {
  return { id, type, version: WEBHOOK_PAYLOAD_VERSION, createdAt: at.toISOString(), workspaceId, data };
}

const DECISIONS: Record<string, string> = {
  ready: "ready",
  not_yet: "not yet",
  another_loop: "another loop",
};

function loopName(loop: EventLoop): string {
  return loop.candidate ? `${loop.candidate.name}'s loop` : `the ${loop.targetRole} loop`;
}

function when(iso: string | null): string {
  // Slack shows a date token in each reader's own zone; the fallback text is UTC.
  if (!iso) return "a time to be set";
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${seconds}^{date_short_pretty} at {time}|${iso.slice(0, 16).replace("T", " ")} UTC>`;
}

/** One line for people: what happened, to whom, where. */
export function describeEvent(event: WebhookEnvelope): string {
  const e = event as { [K in AnyEventType]: WebhookEnvelope<K> }[AnyEventType];
  switch (e.type) {
    case "loop.created":
      return `Loop created for ${e.data.loop.candidate?.name ?? "an invited candidate"} — ${e.data.loop.targetRole}${e.data.coach ? `, coached by ${e.data.coach.name}` : ""}`;
    case "round.scheduled":
      return `${e.data.round.label} booked for ${when(e.data.round.startsAt)}${e.data.round.interviewer ? ` with ${e.data.round.interviewer.name}` : ""} — ${loopName(e.data.loop)}`;
    case "round.moved":
      return `${e.data.round.label} moved to ${when(e.data.round.startsAt)} — ${loopName(e.data.loop)}`;
    case "round.cancelled":
      return `${e.data.round.label} cancelled — ${loopName(e.data.loop)}${e.data.reason ? ` (${e.data.reason})` : ""}`;
    case "scorecard.submitted":
      return `Scorecard submitted by ${e.data.interviewer.name} for ${e.data.round.label} — ${loopName(e.data.loop)}`;
    case "debrief.decided":
      return `Debrief decided: ${DECISIONS[e.data.decision] ?? e.data.decision}${e.data.decidedBy ? ` (by ${e.data.decidedBy.name})` : ""} — ${loopName(e.data.loop)}`;
    case "report.released":
      return `Feedback report ${e.data.version > 1 ? `version ${e.data.version} ` : ""}released — ${loopName(e.data.loop)}`;
    case "member.joined":
      return `${e.data.member.name} joined as ${e.data.member.role}`;
    case "webhook.test":
      return `Test event from Loopwise: ${e.data.message}`;
  }
}

/** Slack's incoming-webhook body: `text` for notifications, one section block for the channel. */
export function slackMessage(event: WebhookEnvelope): { text: string; blocks: unknown[] } {
  const text = describeEvent(event);
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      { type: "context", elements: [{ type: "mrkdwn", text: `Loopwise · \`${event.type}\`` }] },
    ],
  };
}
