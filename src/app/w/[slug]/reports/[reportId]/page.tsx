import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { ReportView } from "@/components/report-view";
import { PageHeader } from "@/components/ui";
import { getServerCaller } from "@/trpc/server";
import { PrintButton } from "../../kits/[roundTypeId]/print-button";
import { loadWorkspaceWith } from "../../workspace-context";

export const metadata: Metadata = { title: "Feedback" };
export const dynamic = "force-dynamic";

export default async function MyReportPage({ params }: { params: Promise<{ slug: string; reportId: string }> }) {
  const { slug, reportId } = await params;
  const ws = await loadWorkspaceWith(slug, "report.own");
  let report;
  try {
    report = await (await getServerCaller()).report.getMine({ workspaceId: ws.id, reportId });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
  return (
    <>
      <PageHeader
        title="Your feedback"
        description={`Practice loop at ${report.content.level} level${report.version > 1 ? ` · revised (version ${report.version})` : ""}`}
        actions={<PrintButton label="Print" />}
      />
      <ReportView content={report.content} progress={report.progress} />
    </>
  );
}
