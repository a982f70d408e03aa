import type { Metadata } from "next";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../../workspace-context";
import { ExerciseForm } from "./exercise-form";

export const metadata: Metadata = { title: "Calibration exercise" };
export const dynamic = "force-dynamic";

export default async function ExercisePage({ params }: { params: Promise<{ slug: string; exerciseId: string }> }) {
  const { slug, exerciseId } = await params;
  const ws = await loadWorkspaceWith(slug, "exercise.take");
  const served = await serve({ workspaceId: ws.id, exerciseId }, (api) => api.exercise.get);
  return <ExerciseForm workspaceId={ws.id} slug={slug} exerciseId={exerciseId} served={served} />;
}
