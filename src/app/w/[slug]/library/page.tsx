import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { loadWorkspaceWith } from "../workspace-context";
import { LibraryBoard } from "./library-board";
import { can } from "@/domain/roles";
import { serve } from "@/trpc/server";

export const metadata: Metadata = { title: "Rubric library" };
export const dynamic = "force-dynamic";

export default async function LibraryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "library.read");
  // The library LibraryBoard shows first (archived round types hidden).
  const served = await serve({ workspaceId: ws.id, includeArchived: false }, (api) => api.library.list);
  return (
    <>
      <PageHeader
        title="Rubric library"
        description="Round types and their rubrics: signals grouped by dimension, a behavioural anchor for every rating, level weights and red flags. Published versions never change; scorecards keep the version they were filled against."
      />
      <LibraryBoard workspaceId={ws.id} slug={slug} canEdit={can(ws.role, "library.edit")} served={served} />
    </>
  );
}
