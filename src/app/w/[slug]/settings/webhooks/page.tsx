import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { loadWorkspaceWith } from "../../workspace-context";
import { Webhooks } from "./webhooks";
import { DataLayer } from "@/trpc/data-layer";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "webhook.manage");
  return (
    <DataLayer>
      <>
        <PageHeader
          title="Webhooks"
          description="Send this workspace's events to your systems or a Slack channel as they happen. Failed deliveries are retried with backoff."
        />
        <Webhooks workspaceId={ws.id} slug={ws.slug} />
      </>
    </DataLayer>
  );
}
