import type { Metadata } from "next";
import { openOnServer } from "@/trpc/open-on-server";
import { loadWorkspaceWith } from "../../../workspace-context";
import { ReportEditor } from "./report-editor";

export const metadata: Metadata = { title: "Candidate report" };
export const dynamic = "force-dynamic";

export default async function ReportDraftPage({ params }: { params: Promise<{ slug: string; loopId: string }> }) {
  const { slug, loopId } = await params;
  const ws = await loadWorkspaceWith(slug, "report.manage");
  // Opened (drafted on first visit) while the page renders: the editor arrives filled in.
  const opened = await openOnServer((api) => api.report.openDraft({ workspaceId: ws.id, loopId }));
  return <ReportEditor workspaceId={ws.id} loopId={loopId} opened={opened} />;
}
