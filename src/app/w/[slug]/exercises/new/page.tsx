import type { Metadata } from "next";
import { can } from "@/domain/roles";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
import { loadWorkspaceWith } from "../../workspace-context";
import { NewExerciseForm } from "./new-exercise-form";

export const metadata: Metadata = { title: "New calibration exercise" };
export const dynamic = "force-dynamic";

export default async function NewExercisePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "exercise.manage");
  // The round types to write an exercise for (a kit's signals load once one is chosen).
  if (can(ws.role, "kit.read"))
    await getQueryClient().prefetchQuery(trpc.kit.list.queryOptions({ workspaceId: ws.id }));
  return (
    <HydrateClient>
      <NewExerciseForm workspaceId={ws.id} slug={slug} />
    </HydrateClient>
  );
}
