import type { RouterOutputs } from "@/trpc/types";

export type RubricData = RouterOutputs["rubric"]["get"];
export type SignalData = RubricData["version"]["signals"][number];

/** The input of `rubric.get` for the page's rubric and `?v=` version: the same on the server and in the browser. */
export const rubricInput = (workspaceId: string, rubricId: string, version?: number) => ({
  workspaceId,
  rubricId,
  version,
});
