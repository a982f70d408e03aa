import type { Metadata } from "next";
import { can } from "@/domain/roles";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
import { loadWorkspaceWith } from "../../workspace-context";
import { RubricEditor } from "./rubric-editor";

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
  await getQueryClient().prefetchQuery(trpc.rubric.get.queryOptions({ workspaceId: ws.id, rubricId, version }));
  return (
    <HydrateClient>
      <RubricEditor
        workspaceId={ws.id}
        slug={slug}
        rubricId={rubricId}
        version={version}
        canEdit={can(ws.role, "library.edit")}
      />
    </HydrateClient>
  );
}
