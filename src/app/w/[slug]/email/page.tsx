import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";
import { EmailDelivery } from "./email-delivery";
import { emailListInput } from "./list-input";

export const metadata: Metadata = { title: "Email delivery" };
export const dynamic = "force-dynamic";

export default async function EmailPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "outbox.manage");
  // The first page with the filters EmailDelivery reads from the URL.
  const query = await searchParams;
  const input = emailListInput(ws.id, {
    status: firstParam(query.status),
    to: firstParam(query.to),
    sort: firstParam(query.sort),
  });
  const first = await serve(input, (api) => api.email.list);
  return (
    <>
      <PageHeader
        title="Email delivery"
        description="Messages this workspace sent. Failed deliveries are retried with backoff; after the last attempt they wait here for you."
      />
      <EmailDelivery workspaceId={ws.id} served={first} />
    </>
  );
}
