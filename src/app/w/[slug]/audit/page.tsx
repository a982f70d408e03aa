import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { loadWorkspaceWith } from "../workspace-context";
import { AuditLog } from "./audit-log";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "audit.read");
  return (
    <>
      <PageHeader title="Audit log" description="Sensitive actions in this workspace, newest first." />
      <AuditLog workspaceId={ws.id} />
    </>
  );
}
