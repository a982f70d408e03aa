import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

export type RubricData = NonNullable<ReturnType<typeof useRubric>["data"]>;
export type SignalData = RubricData["version"]["signals"][number];

export function useRubric(workspaceId: string, rubricId: string, version?: number) {
  const trpc = useTRPC();
  return useQuery(trpc.rubric.get.queryOptions({ workspaceId, rubricId, version }));
}
