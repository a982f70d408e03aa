import { z } from "zod";
import { Email, Id, PageFields, RoleSchema, TimeZone } from "./common";

/**
 * One page of the workspace's members (by role, then by who joined first), found by name or email and
 * filtered by role.
 */
export const ListMembersPageInput = z.object({
  workspaceId: Id,
  ...PageFields,
  search: z.string().trim().max(254, "Search with at most 254 characters").optional(),
  role: RoleSchema.optional(),
});
export type ListMembersPageInput = z.input<typeof ListMembersPageInput>;

export const ChangeRoleInput = z.object({ workspaceId: Id, memberId: Id, role: RoleSchema });
export const RemoveMemberInput = z.object({ workspaceId: Id, memberId: Id });
export const EraseCandidateInput = z.object({ workspaceId: Id, candidateMemberId: Id });

export const CreateInvitationInput = z.object({ workspaceId: Id, email: Email, role: RoleSchema });
export type CreateInvitationInput = z.input<typeof CreateInvitationInput>;
export const InvitationActionInput = z.object({ workspaceId: Id, invitationId: Id });

/** Invitation tokens are 32 random bytes in base64url. */
export const InvitationToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, "This invitation link is malformed; ask for a new one.");
export const InvitationTokenInput = z.object({ token: InvitationToken });
/** Accepting may set the person's name and zone in the same step (the invitation page asks for both). */
export const AcceptInvitationInput = z.object({
  token: InvitationToken,
  name: z
    .string()
    .trim()
    .min(1, "Enter your name, as colleagues should see it")
    .max(120, "Keep your name under 120 characters")
    .optional(),
  timeZone: TimeZone.optional(),
});
