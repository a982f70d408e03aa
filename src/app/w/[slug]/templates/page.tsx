import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";
import { TemplateManager } from "./template-manager";

export const metadata: Metadata = { title: "Loop templates" };
export const dynamic = "force-dynamic";

export default async function TemplatesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "loop.read");
  // The list TemplateManager shows first (the editor's own lists load when it opens).
  const served = await serve({ workspaceId: ws.id }, (api) => api.loop.templates);
  return (
    <>
      <PageHeader
        title="Loop templates"
        description="Reusable loop shapes: ordered rounds with their length, a default question and who may interview. Company-style presets weight the dimensions differently."
      />
      <TemplateManager workspaceId={ws.id} canManage={can(ws.role, "loop.manage")} served={served} />
    </>
  );
}
