import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";
import { AnalyticsView } from "./analytics-view";
import { analyticsInput } from "./input";

export const metadata: Metadata = { title: "Analytics" };
export const dynamic = "force-dynamic";

export default async function AnalyticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "analytics.read");
  const query = await searchParams;
  // What AnalyticsView asks for first, from the same URL. Custom days are the workspace's, not the browser's.
  const { input } = analyticsInput(ws.id, (key) => firstParam(query[key]));
  const served = input ? await serve(input, (api) => api.analytics.get) : null;
  return (
    <>
      <PageHeader
        title="Analytics"
        description="How loops, scorecards and interviewers are doing over a period: each chart has its numbers in a table beside it and as a CSV file."
      />
      <AnalyticsView workspaceId={ws.id} served={served} />
    </>
  );
}
