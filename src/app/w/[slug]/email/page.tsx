import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { byNextCursor } from "@/app/_lib/next-page";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
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
  await getQueryClient().prefetchInfiniteQuery(trpc.email.list.infiniteQueryOptions(input, byNextCursor));
  return (
    <>
      <PageHeader
        title="Email delivery"
        description="Messages this workspace sent. Failed deliveries are retried with backoff; after the last attempt they wait here for you."
      />
      <HydrateClient>
        <EmailDelivery workspaceId={ws.id} />
      </HydrateClient>
    </>
  );
}
