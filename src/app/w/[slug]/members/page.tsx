import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { loadWorkspace } from "../workspace-context";
import { MembersPanel } from "./members-panel";

export const metadata: Metadata = { title: "Members" };
export const dynamic = "force-dynamic";

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspace(slug);
  if (!can(ws.role, "member.list")) notFound();
  return (
    <>
      <PageHeader title="Members" description="Who is in this workspace and what they can do." />
      <MembersPanel workspaceId={ws.id} canManage={can(ws.role, "member.manage")} />
    </>
  );
}
