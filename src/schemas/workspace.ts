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
});

export const ResolveWorkspaceInput = z.object({ slug: Slug });
