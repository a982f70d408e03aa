// Inputs of the audit log.
import { z } from "zod";
import { Id, PageFields } from "./common";
import { AUDIT_ACTIONS, AUDIT_AREAS } from "./values";

export const AUDIT_SORTS = ["newest", "oldest"] as const;

export const ListAuditInput = z.object({
  workspaceId: Id,
  ...PageFields,
  area: z.enum(AUDIT_AREAS).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  sort: z.enum(AUDIT_SORTS).default("newest"),
});
export type ListAuditInput = z.input<typeof ListAuditInput>;
