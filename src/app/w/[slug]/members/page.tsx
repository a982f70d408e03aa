import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import { can } from "@/domain/roles";
import { byNextCursor } from "@/app/_lib/next-page";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
import { loadWorkspaceWith } from "../workspace-context";
import { membersListInput } from "./list-input";
import { MembersPanel } from "./members-panel";

export const metadata: Metadata = { title: "Members" };
export const dynamic = "force-dynamic";

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "member.list");
  const canManage = can(ws.role, "member.manage");
  // The first page of the list, with the filters MemberTable reads from the URL.
  const query = await searchParams;
  const input = membersListInput(ws.id, { q: firstParam(query.q), role: firstParam(query.role) });
  const qc = getQueryClient();
  await Promise.all([
    qc.prefetchInfiniteQuery(trpc.member.page.infiniteQueryOptions(input, byNextCursor)),
    ...(canManage ? [qc.prefetchQuery(trpc.invitation.list.queryOptions({ workspaceId: ws.id }))] : []),
  ]);
  return (
    <>
      <PageHeader title="Members" description="Who is in this workspace and what they can do." />
      <HydrateClient>
        <MembersPanel workspaceId={ws.id} canManage={canManage} canErase={can(ws.role, "member.erase")} />
      </HydrateClient>
    </>
  );
}
