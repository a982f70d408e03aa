import type { Metadata } from "next";
import { loadWorkspaceWith } from "../../workspace-context";
import { NewExerciseForm } from "./new-exercise-form";

export const metadata: Metadata = { title: "New calibration exercise" };
export const dynamic = "force-dynamic";

export default async function NewExercisePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "exercise.manage");
  return <NewExerciseForm workspaceId={ws.id} slug={slug} />;
}
