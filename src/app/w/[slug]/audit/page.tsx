import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { byNextCursor } from "@/app/_lib/next-page";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
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
  await getQueryClient().prefetchInfiniteQuery(trpc.audit.list.infiniteQueryOptions(input, byNextCursor));
  return (
    <>
      <PageHeader title="Audit log" description="Sensitive actions in this workspace, newest first." />
      <HydrateClient>
        <AuditLog workspaceId={ws.id} />
      </HydrateClient>
    </>
  );
}
