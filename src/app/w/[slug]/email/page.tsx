import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { loadWorkspaceWith } from "../workspace-context";
import { EmailDelivery } from "./email-delivery";

export const metadata: Metadata = { title: "Email delivery" };
export const dynamic = "force-dynamic";

export default async function EmailPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "outbox.manage");
  return (
    <>
      <PageHeader
        title="Email delivery"
        description="Messages this workspace sent. Failed deliveries are retried with backoff; after the last attempt they wait here for you."
      />
      <EmailDelivery workspaceId={ws.id} />
    </>
  );
}
