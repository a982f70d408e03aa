import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";
import { AuditLog } from "./audit-log";
import { auditListInput } from "./list-input";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "audit.read");
  // The first page with the filters AuditLog reads from the URL.
  const query = await searchParams;
  const input = auditListInput(ws.id, {
    area: firstParam(query.area),
    action: firstParam(query.action),
    sort: firstParam(query.sort),
  });
  const first = await serve(input, (api) => api.audit.list);
  return (
    <>
      <PageHeader title="Audit log" description="Sensitive actions in this workspace, newest first." />
      <AuditLog workspaceId={ws.id} served={first} />
    </>
  );
}
