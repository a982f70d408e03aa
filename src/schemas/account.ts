import { z } from "zod";
import { Email, TimeZone } from "./common";

export const UpdateProfileInput = z.object({
  name: z.string().trim().min(1, "Enter your name").max(80, "A name can have at most 80 characters"),
});

export const SetTimeZoneInput = z.object({ timeZone: TimeZone, detected: z.boolean().optional() });

/** Erasing one's account: the person types the email they sign in with. */
export const EraseMyAccountInput = z.object({ confirmEmail: Email });
