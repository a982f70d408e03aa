import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";
import { boardInput } from "./board-input";
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
  // What LoopBoard shows first, with the filters it reads from the URL.
  const query = await searchParams;
  const input = boardInput(ws.id, { level: firstParam(query.level), role: firstParam(query.role) });
  const workspace = { workspaceId: ws.id };
  const [board, templates, members] = await Promise.all([
    serve(input, (api) => api.loop.board),
    canManage ? serve(workspace, (api) => api.loop.templates) : null,
    canManage ? serve(workspace, (api) => api.member.list) : null,
  ]);
  return (
    <>
      <PageHeader
        title="Loops"
        description="Every practice loop by status. Create one from a template, then book its rounds from suggested slots."
      />
      <LoopBoard workspaceId={ws.id} slug={slug} canManage={canManage} served={{ board, templates, members }} />
    </>
  );
}
