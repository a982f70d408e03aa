import type { Metadata } from "next";
import { can } from "@/domain/roles";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../../workspace-context";
import { RubricEditor } from "./rubric-editor";
import { rubricInput } from "./use-rubric";

export const metadata: Metadata = { title: "Rubric" };
export const dynamic = "force-dynamic";

export default async function RubricPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; rubricId: string }>;
  searchParams: Promise<{ v?: string }>;
}) {
  const { slug, rubricId } = await params;
  const { v } = await searchParams;
  const ws = await loadWorkspaceWith(slug, "library.read");
  const version = v && /^\d+$/.test(v) ? Number(v) : undefined;
  const served = await serve(rubricInput(ws.id, rubricId, version), (api) => api.rubric.get);
  // Keyed by version: another version's page starts from what the server rendered for it.
  return (
    <RubricEditor
      key={version ?? "latest"}
      workspaceId={ws.id}
      slug={slug}
      rubricId={rubricId}
      version={version}
      canEdit={can(ws.role, "library.edit")}
      served={served}
    />
  );
}
