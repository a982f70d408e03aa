import type { Metadata } from "next";
import { loadWorkspaceWith } from "../../../workspace-context";
import { ReportEditor } from "./report-editor";
import { DataLayer } from "@/trpc/data-layer";

export const metadata: Metadata = { title: "Candidate report" };
export const dynamic = "force-dynamic";

export default async function ReportDraftPage({ params }: { params: Promise<{ slug: string; loopId: string }> }) {
  const { slug, loopId } = await params;
  const ws = await loadWorkspaceWith(slug, "report.manage");
  return (
    <DataLayer>
      <ReportEditor workspaceId={ws.id} loopId={loopId} />
    </DataLayer>
  );
}
