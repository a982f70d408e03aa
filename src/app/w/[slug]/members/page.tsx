import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import { can } from "@/domain/roles";
import { serve } from "@/trpc/server";
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
  const [members, invitations] = await Promise.all([
    serve(input, (api) => api.member.page),
    canManage ? serve({ workspaceId: ws.id }, (api) => api.invitation.list) : null,
  ]);
  return (
    <>
      <PageHeader title="Members" description="Who is in this workspace and what they can do." />
      <MembersPanel
        workspaceId={ws.id}
        canManage={canManage}
        canErase={can(ws.role, "member.erase")}
        members={members}
        invitations={invitations}
      />
    </>
  );
}
