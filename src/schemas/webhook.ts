// Inputs of the webhook settings (owners): endpoints, their delivery log, resend and test.
import { z } from "zod";
import { WEBHOOK_EVENTS, type AnyEventType, type WebhookEnvelope, type WebhookEventData } from "@/domain/webhooks";
import { Id, PageFields } from "./common";
import { DELIVERY_STATUSES } from "./values";

export const WEBHOOK_KINDS = ["standard", "slack"] as const;

const Url = z
  .string()
  .trim()
  .min(1, "Enter the URL that receives the events")
  .max(2000, "Use a URL of at most 2,000 characters")
  .regex(/^https?:\/\/\S+$/i, "Enter a full URL, like https://example.com/webhooks/loopwise");

const Events = z
  .array(z.enum(WEBHOOK_EVENTS, { error: `Events are among: ${WEBHOOK_EVENTS.join(", ")}` }))
  .min(1, "Choose at least one event")
  .max(WEBHOOK_EVENTS.length);

const Description = z.string().trim().max(200, "Use at most 200 characters").default("");

export const CreateWebhookInput = z.object({
  workspaceId: Id,
  kind: z.enum(WEBHOOK_KINDS).default("standard"),
  url: Url,
  description: Description,
  events: Events,
});
export type CreateWebhookInput = z.input<typeof CreateWebhookInput>;

export const UpdateWebhookInput = z.object({
  workspaceId: Id,
  endpointId: Id,
  url: Url.optional(),
  description: Description.optional(),
  events: Events.optional(),
  enabled: z.boolean().optional(),
});

export const WebhookRef = z.object({ workspaceId: Id, endpointId: Id });
export const DeliveryRef = z.object({ workspaceId: Id, deliveryId: Id });
/** A delivery's attempts: the latest ATTEMPTS_SHOWN, newest first, with how many there are. */
export const ListAttemptsInput = DeliveryRef;

export const ListDeliveriesInput = z.object({
  workspaceId: Id,
  endpointId: Id,
  ...PageFields,
  status: z.enum(DELIVERY_STATUSES).optional(),
});

// A stored event (the `webhook_events.payload` JSON column) read back as the typed envelope it was written as.
const Person = z.object({ memberId: z.string(), name: z.string() });
const EventLoopSchema = z.object({ id: z.string(), targetRole: z.string(), candidate: Person.nullable() });
const EventRoundSchema = z.object({
  id: z.string(),
  label: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  interviewer: Person.nullable(),
});
const EVENT_DATA = {
  "loop.created": z.object({ loop: EventLoopSchema, coach: Person.nullable() }),
  "round.scheduled": z.object({ loop: EventLoopSchema, round: EventRoundSchema }),
  "round.moved": z.object({ loop: EventLoopSchema, round: EventRoundSchema, previousStartsAt: z.string().nullable() }),
  "round.cancelled": z.object({ loop: EventLoopSchema, round: EventRoundSchema, reason: z.string() }),
  "scorecard.submitted": z.object({
    loop: EventLoopSchema,
    round: EventRoundSchema,
    scorecardId: z.string(),
    interviewer: Person,
  }),
  "debrief.decided": z.object({ loop: EventLoopSchema, decision: z.string(), decidedBy: Person.nullable() }),
  "report.released": z.object({ loop: EventLoopSchema, reportId: z.string(), version: z.number() }),
  "member.joined": z.object({ member: Person.extend({ role: z.string() }) }),
  "webhook.test": z.object({ endpointId: z.string(), message: z.string() }),
} satisfies { [K in AnyEventType]: z.ZodType<WebhookEventData[K], unknown> };

const EnvelopeBase = z.object({ id: z.string(), version: z.number(), createdAt: z.string(), workspaceId: z.string() });
const variant = <T extends AnyEventType>(type: T) =>
  EnvelopeBase.extend({ type: z.literal(type), data: EVENT_DATA[type] });
const EnvelopeSchema = z.discriminatedUnion("type", [
  variant("loop.created"),
  variant("round.scheduled"),
  variant("round.moved"),
  variant("round.cancelled"),
  variant("scorecard.submitted"),
  variant("debrief.decided"),
  variant("report.released"),
  variant("member.joined"),
  variant("webhook.test"),
]);

/** A stored event's payload as its envelope; throws if the stored shape is not one this version writes. */
export function readWebhookEnvelope(json: unknown): WebhookEnvelope {
  return EnvelopeSchema.parse(json);
}
