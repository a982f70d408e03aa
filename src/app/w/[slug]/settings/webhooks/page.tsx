import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../../workspace-context";
import { Webhooks } from "./webhooks";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "webhook.manage");
  const endpoints = await serve({ workspaceId: ws.id }, (api) => api.webhook.list);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Send this workspace's events to your systems or a Slack channel as they happen. Failed deliveries are retried with backoff."
      />
      <Webhooks workspaceId={ws.id} slug={ws.slug} served={endpoints} />
    </>
  );
}
