import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { loadWorkspaceWith } from "../workspace-context";
import { LoopBoard } from "./loop-board";

export const metadata: Metadata = { title: "Loops" };
export const dynamic = "force-dynamic";

export default async function LoopsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "loop.read");
  return (
    <>
      <PageHeader
        title="Loops"
        description="Every practice loop by status. Create one from a template, then book its rounds from suggested slots."
      />
      <LoopBoard workspaceId={ws.id} slug={slug} canManage={can(ws.role, "loop.manage")} />
    </>
  );
}
