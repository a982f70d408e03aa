import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui";
import { loadWorkspaceWith } from "../../../workspace-context";
import { DeliveryLog } from "./delivery-log";
import { DataLayer } from "@/trpc/data-layer";

export const metadata: Metadata = { title: "Webhook deliveries" };
export const dynamic = "force-dynamic";

export default async function DeliveriesPage({ params }: { params: Promise<{ slug: string; endpointId: string }> }) {
  const { slug, endpointId } = await params;
  const ws = await loadWorkspaceWith(slug, "webhook.manage");
  return (
    <DataLayer>
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
        <DeliveryLog workspaceId={ws.id} endpointId={endpointId} />
      </>
    </DataLayer>
  );
}
