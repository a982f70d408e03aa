import { z } from "zod";
import { ROLES } from "@/domain/roles";
import { isTimeZone } from "@/domain/time-zone";

/** Database ids are cuids; anything else is rejected before it reaches a query. */
export const Id = z.string().trim().min(1, "An id is required").max(64, "That id is too long");

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like name@example.com").max(254, "That email address is too long"));

export const RoleSchema = z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(", ")}` });

export const WorkspaceScoped = z.object({ workspaceId: Id });

export const TimeZone = z
  .string()
  .trim()
  .min(1, "Choose a time zone")
  .refine(isTimeZone, { message: "Choose a time zone from the list, like Europe/Berlin or America/New_York" });
