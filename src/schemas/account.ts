import { z } from "zod";

export const UpdateProfileInput = z.object({
  name: z.string().trim().min(1, "Enter your name").max(80, "A name can have at most 80 characters"),
});
