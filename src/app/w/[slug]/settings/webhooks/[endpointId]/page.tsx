import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../../../workspace-context";
import { DeliveryLog } from "./delivery-log";
import { deliveriesInput } from "./list-input";

export const metadata: Metadata = { title: "Webhook deliveries" };
export const dynamic = "force-dynamic";

export default async function DeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; endpointId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug, endpointId } = await params;
  const ws = await loadWorkspaceWith(slug, "webhook.manage");
  // The endpoint (the card's title) and the first page for the status filter in the URL.
  const input = deliveriesInput(ws.id, endpointId, firstParam((await searchParams).status));
  const [endpoints, first] = await Promise.all([
    serve({ workspaceId: ws.id }, (api) => api.webhook.list),
    serve(input, (api) => api.webhook.deliveries),
  ]);
  return (
    <>
      <PageHeader
        title="Webhook deliveries"
        description="Each event sent to this endpoint, with its last attempt; open Attempts for every try. Resend sends the same event again."
        actions={
          <Link href={`/w/${ws.slug}/settings/webhooks`} className="text-sm font-medium text-brand-700 focus-ring">
            All endpoints
          </Link>
        }
      />
      <DeliveryLog workspaceId={ws.id} endpointId={endpointId} endpoints={endpoints} served={first} />
    </>
  );
}
