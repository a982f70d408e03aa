import type { Metadata } from "next";
import { can } from "@/domain/roles";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
import { loadWorkspaceWith } from "../../workspace-context";
import { LoopDetail } from "./loop-detail";

export const metadata: Metadata = { title: "Loop" };
export const dynamic = "force-dynamic";

export default async function LoopPage({ params }: { params: Promise<{ slug: string; loopId: string }> }) {
  const { slug, loopId } = await params;
  const ws = await loadWorkspaceWith(slug, "loop.read");
  await getQueryClient().prefetchQuery(trpc.loop.get.queryOptions({ workspaceId: ws.id, loopId }));
  return (
    <HydrateClient>
      <LoopDetail workspaceId={ws.id} slug={slug} loopId={loopId} canManage={can(ws.role, "loop.manage")} />
    </HydrateClient>
  );
}
