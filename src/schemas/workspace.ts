import { z } from "zod";
import { Id, TimeZone } from "./common";

export const WorkspaceName = z
  .string()
  .trim()
  .min(2, "A workspace name needs at least 2 characters")
  .max(80, "A workspace name can have at most 80 characters");

export const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "The address needs at least 3 characters")
  .max(40, "The address can have at most 40 characters")
  .regex(
    /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/,
    "Use lowercase letters, digits and dashes, starting and ending with a letter or digit",
  );

export const CreateWorkspaceInput = z.object({
  name: WorkspaceName,
  slug: Slug.optional(),
  timeZone: TimeZone.default("UTC"),
});
export type CreateWorkspaceInput = z.input<typeof CreateWorkspaceInput>;

export const UpdateWorkspaceInput = z.object({
  workspaceId: Id,
  name: WorkspaceName.optional(),
  timeZone: TimeZone.optional(),
  showInterviewerNames: z.boolean().optional(),
  /** Erase candidates' personal data this many months after their last loop; null turns it off. */
  retentionMonths: z
    .number({ error: "Give a number of months" })
    .int("Give a whole number of months")
    .min(1, "Keep candidates' data at least 1 month")
    .max(120, "Keep candidates' data at most 120 months")
    .nullable()
    .optional(),
});

/** Deleting a workspace: the owner types its name. */
export const DeleteWorkspaceInput = z.object({
  workspaceId: Id,
  confirmName: z
    .string()
    .trim()
    .min(1, "Type the workspace's name to confirm")
    .max(80, "That is not the workspace's name"),
});

export const ResolveWorkspaceInput = z.object({ slug: Slug });
