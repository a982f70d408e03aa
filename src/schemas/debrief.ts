// Inputs of the debrief: the decision and reopening it.
import { z } from "zod";
import { DECISIONS } from "@/domain/vocabulary";
import { Id, WS } from "./common";

export const DecideInput = z.object({
  ...WS,
  loopId: Id,
  decision: z.enum(DECISIONS),
  rationale: z.string().trim().min(3, "Give the rationale for the decision").max(8000),
  notes: z.string().max(8000).default(""),
});
export const ReopenInput = z.object({
  ...WS,
  loopId: Id,
  reason: z.string().trim().min(3, "Say why the debrief is reopened").max(1000),
});
