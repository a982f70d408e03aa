import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { loadWorkspaceWith } from "../workspace-context";
import { MembersPanel } from "./members-panel";

export const metadata: Metadata = { title: "Members" };
export const dynamic = "force-dynamic";

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "member.list");
  return (
    <>
      <PageHeader title="Members" description="Who is in this workspace and what they can do." />
      <MembersPanel workspaceId={ws.id} canManage={can(ws.role, "member.manage")} />
    </>
  );
}
