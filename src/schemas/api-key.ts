// Inputs of API key management (owners, on the API keys settings page).
import { z } from "zod";
import { API_KEY_SCOPES, API_RESOURCES } from "@/domain/api-keys";
import { Id, WS } from "./common";

export const CreateApiKeyInput = z.object({
  ...WS,
  name: z
    .string()
    .trim()
    .min(2, "Name the key after what uses it, like Reporting dashboard")
    .max(80, "Keep the name under 80 characters"),
  scope: z.enum(API_KEY_SCOPES, { error: "Scope is read or write" }),
  /** The resources the key may use; empty or missing: all of them. */
  resources: z.array(z.enum(API_RESOURCES)).max(API_RESOURCES.length).default([]),
  /** The member the key acts as (an interviewer submitting their own scorecards); else the owner making it. */
  boundMemberId: Id.optional(),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInput>;

export const ApiKeyRef = z.object({ ...WS, apiKeyId: Id });

/** What the REST API accepts in `Authorization: Bearer …`: the prefix and 43 base64url characters. */
export const ApiKeyToken = z.string().regex(/^lw_live_[A-Za-z0-9_-]{43}$/);
