import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";
import { MembersPanel } from "./members-panel";

export const metadata: Metadata = { title: "Members" };
export const dynamic = "force-dynamic";

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "member.list");
  const canManage = can(ws.role, "member.manage");
  const qc = getQueryClient();
  await Promise.all([
    qc.prefetchQuery(trpc.member.list.queryOptions({ workspaceId: ws.id })),
    ...(canManage ? [qc.prefetchQuery(trpc.invitation.list.queryOptions({ workspaceId: ws.id }))] : []),
  ]);
  return (
    <>
      <PageHeader title="Members" description="Who is in this workspace and what they can do." />
      <HydrateClient>
        <MembersPanel workspaceId={ws.id} canManage={canManage} />
      </HydrateClient>
    </>
  );
}
