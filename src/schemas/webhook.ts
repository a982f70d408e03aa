// Inputs of the webhook settings (owners): endpoints, their delivery log, resend and test.
import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/domain/webhooks";
import { Id, PageFields } from "./common";

export const WEBHOOK_KINDS = ["standard", "slack"] as const;
export const DELIVERY_STATUSES = ["pending", "sending", "succeeded", "failed"] as const;

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

export const ListDeliveriesInput = z.object({
  workspaceId: Id,
  endpointId: Id,
  ...PageFields,
  status: z.enum(DELIVERY_STATUSES).optional(),
});
