"use client";

import { Alert, Card, EmptyState, Skeleton } from "@/components/ui";
import { useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { ProgressSteps } from "./progress-steps";

/** The signed-in interviewer's own paths and what comes next on each. */
export function MyTraining({
  workspaceId,
  served,
}: {
  workspaceId: string;
  /** The viewer's paths, rendered by the server. */
  served: Served<{ workspaceId: string }, RouterOutputs["training"]["mine"]> | null;
}) {
  const mine = useLightQuery((api) => api.training.mine.query, { workspaceId }, served);
  return (
    <Card title="My training" description="Your path for each round type you run that has one, and your next step.">
      {mine.isPending ? (
        <Skeleton rows={2} />
      ) : mine.isError ? (
        <Alert>{mine.error.message}</Alert>
      ) : mine.data.length === 0 ? (
        <EmptyState title="No training path for you">
          None of the round types you run asks for training. A coach adds round types to your pool on the Interviewers
          page.
        </EmptyState>
      ) : (
        <ul className="space-y-4" data-testid="my-training">
          {mine.data.map((p) => (
            <li key={p.roundTypeId} className="rounded-md p-3 ring-1 ring-slate-200">
              <h3 className="font-medium text-slate-900">{p.name}</h3>
              <div className="mt-2">
                <ProgressSteps progress={p.progress} />
              </div>
              <p className="mt-2 text-sm text-slate-800">
                <span className="font-medium">Next: </span>
                {p.progress.next}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
