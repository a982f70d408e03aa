import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import type { Level } from "@/domain/vocabulary";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
import { loadWorkspaceWith } from "../workspace-context";
import { LoopBoard } from "./loop-board";

export const metadata: Metadata = { title: "Loops" };
export const dynamic = "force-dynamic";

export default async function LoopsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "loop.read");
  const canManage = can(ws.role, "loop.manage");
  // What LoopBoard asks for first, with the filters it reads from the URL.
  const query = await searchParams;
  const level = (firstParam(query.level) || undefined) as Level | undefined;
  const role = firstParam(query.role).trim() || undefined;
  const qc = getQueryClient();
  await Promise.all([
    qc.prefetchQuery(trpc.loop.board.queryOptions({ workspaceId: ws.id, level, role })),
    ...(canManage
      ? [
          qc.prefetchQuery(trpc.loop.templates.queryOptions({ workspaceId: ws.id })),
          qc.prefetchQuery(trpc.member.list.queryOptions({ workspaceId: ws.id })),
        ]
      : []),
  ]);
  return (
    <>
      <PageHeader
        title="Loops"
        description="Every practice loop by status. Create one from a template, then book its rounds from suggested slots."
      />
      <HydrateClient>
        <LoopBoard workspaceId={ws.id} slug={slug} canManage={canManage} />
      </HydrateClient>
    </>
  );
}
