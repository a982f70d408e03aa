// Inputs of the audit log.
import { z } from "zod";
import { Id } from "./common";

export const ListAuditInput = z.object({
  workspaceId: Id,
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
