// The one home of the product's fixed vocabularies: their values (which must equal the Prisma enums, see
// src/server/db/enums.test.ts) and the words shown for them. Schemas, services and pages import from here.
import type { LoopStatus } from "./loop-status";

export const LEVELS = ["entry", "mid", "senior"] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABEL: Record<Level, string> = { entry: "Entry", mid: "Mid", senior: "Senior" };

export const RECOMMENDATIONS = ["strong_no", "no", "yes", "strong_yes"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABEL: Record<Recommendation, string> = {
  strong_no: "Strong no",
  no: "No",
  yes: "Yes",
  strong_yes: "Strong yes",
};
/** The badge colour of a recommendation. */
export const RECOMMENDATION_TONE: Record<Recommendation, "red" | "amber" | "green"> = {
  strong_no: "red",
  no: "amber",
  yes: "green",
  strong_yes: "green",
};

export const DECISIONS = ["ready", "not_yet", "another_loop"] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABEL: Record<Decision, string> = {
  ready: "Ready",
  not_yet: "Not yet",
  another_loop: "Needs another loop",
};

export const LOOP_STATUS_LABEL: Record<LoopStatus, string> = {
  draft: "Draft",
  scheduling: "Scheduling",
  scheduled: "Scheduled",
  in_progress: "In progress",
  debrief: "Debrief",
  completed: "Completed",
  cancelled: "Cancelled",
};
