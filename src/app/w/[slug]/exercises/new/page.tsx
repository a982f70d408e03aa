import type { Metadata } from "next";
import { can } from "@/domain/roles";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../../workspace-context";
import { NewExerciseForm } from "./new-exercise-form";

export const metadata: Metadata = { title: "New calibration exercise" };
export const dynamic = "force-dynamic";

export default async function NewExercisePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "exercise.manage");
  // The round types to write an exercise for (a kit's signals load once one is chosen).
  const served = can(ws.role, "kit.read") ? await serve({ workspaceId: ws.id }, (api) => api.kit.list) : null;
  return <NewExerciseForm workspaceId={ws.id} slug={slug} served={served} />;
}
