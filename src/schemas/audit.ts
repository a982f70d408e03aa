// Inputs of the audit log.
import { z } from "zod";
import { AUDIT_LABELS, type AuditAction } from "@/domain/audit";
import { Id, PageFields } from "./common";

export const AUDIT_ACTIONS = Object.keys(AUDIT_LABELS) as [AuditAction, ...AuditAction[]];
/** What an event is about: the part of its action before the dot ("member", "rubric", …). */
export const AUDIT_AREAS = [...new Set(AUDIT_ACTIONS.map((a) => a.split(".")[0]!))] as [string, ...string[]];
export const AUDIT_SORTS = ["newest", "oldest"] as const;

export const ListAuditInput = z.object({
  workspaceId: Id,
  ...PageFields,
  area: z.enum(AUDIT_AREAS).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  sort: z.enum(AUDIT_SORTS).default("newest"),
});
export type ListAuditInput = z.input<typeof ListAuditInput>;
