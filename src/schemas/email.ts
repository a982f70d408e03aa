// Inputs of the email delivery page.
import { z } from "zod";
import { Id, PageFields } from "./common";
import { EMAIL_STATUSES } from "./values";

export const OutboxActionInput = z.object({ workspaceId: Id, messageId: Id });

export const EMAIL_SORTS = ["newest", "oldest"] as const;

/** One page of the workspace's outgoing mail, by status and recipient, newest or oldest first. */
export const ListEmailsInput = z.object({
  workspaceId: Id,
  ...PageFields,
  status: z.enum(EMAIL_STATUSES).optional(),
  to: z.string().trim().max(254, "Search with at most 254 characters").optional(),
  sort: z.enum(EMAIL_SORTS).default("newest"),
});
export type ListEmailsInput = z.input<typeof ListEmailsInput>;
