import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { getServerCaller } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";
import { AvailabilityForm } from "./availability-form";
import { BusyImport } from "./busy-import";

export const metadata: Metadata = { title: "Availability" };
export const dynamic = "force-dynamic";

export default async function AvailabilityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "schedule.self");
  // Both forms show the viewer's availability profile; after a write they refresh the page for the new one.
  const profile = await (await getServerCaller()).schedule.myAvailability({ workspaceId: ws.id });
  return (
    <>
      <PageHeader
        title="Availability"
        description="When you can take part in rounds, in your own time zone. Suggested slots only use these times."
      />
      <div className="space-y-6">
        <AvailabilityForm workspaceId={ws.id} profile={profile} />
        <BusyImport workspaceId={ws.id} importedBusy={profile.importedBusy} importedBusyAt={profile.importedBusyAt} />
      </div>
    </>
  );
}
