import type { Metadata } from "next";
import { can } from "@/domain/roles";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../../workspace-context";
import { LoopDetail } from "./loop-detail";

export const metadata: Metadata = { title: "Loop" };
export const dynamic = "force-dynamic";

export default async function LoopPage({ params }: { params: Promise<{ slug: string; loopId: string }> }) {
  const { slug, loopId } = await params;
  const ws = await loadWorkspaceWith(slug, "loop.read");
  const served = await serve({ workspaceId: ws.id, loopId }, (api) => api.loop.get);
  return (
    <LoopDetail
      workspaceId={ws.id}
      slug={slug}
      loopId={loopId}
      canManage={can(ws.role, "loop.manage")}
      served={served}
    />
  );
}
