import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
import { loadWorkspaceWith } from "../../workspace-context";
import { ExerciseForm } from "./exercise-form";

export const metadata: Metadata = { title: "Calibration exercise" };
export const dynamic = "force-dynamic";

export default async function ExercisePage({ params }: { params: Promise<{ slug: string; exerciseId: string }> }) {
  const { slug, exerciseId } = await params;
  const ws = await loadWorkspaceWith(slug, "exercise.take");
  await getQueryClient().prefetchQuery(trpc.exercise.get.queryOptions({ workspaceId: ws.id, exerciseId }));
  return (
    <HydrateClient>
      <ExerciseForm workspaceId={ws.id} slug={slug} exerciseId={exerciseId} />
    </HydrateClient>
  );
}
