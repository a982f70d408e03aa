import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
import { loadWorkspaceWith } from "../workspace-context";
import { AvailabilityForm } from "./availability-form";
import { BusyImport } from "./busy-import";

export const metadata: Metadata = { title: "Availability" };
export const dynamic = "force-dynamic";

export default async function AvailabilityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "schedule.self");
  // Both forms read the viewer's availability profile.
  await getQueryClient().prefetchQuery(trpc.schedule.myAvailability.queryOptions({ workspaceId: ws.id }));
  return (
    <>
      <PageHeader
        title="Availability"
        description="When you can take part in rounds, in your own time zone. Suggested slots only use these times."
      />
      <HydrateClient>
        <div className="space-y-6">
          <AvailabilityForm workspaceId={ws.id} />
          <BusyImport workspaceId={ws.id} />
        </div>
      </HydrateClient>
    </>
  );
}
