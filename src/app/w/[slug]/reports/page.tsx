import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/time";
import { EmptyState, PageHeader } from "@/components/ui";
import { getServerCaller } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";

export const metadata: Metadata = { title: "My feedback" };
export const dynamic = "force-dynamic";

export default async function MyReportsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "report.own");
  const reports = await (await getServerCaller()).report.listMine({ workspaceId: ws.id });
  return (
    <>
      <PageHeader title="My feedback" description="Reports your coach released after your practice loops." />
      {reports.length === 0 ? (
        <EmptyState title="No feedback released yet">
          After your loop and its debrief, your coach releases a report here; you get an email.
        </EmptyState>
      ) : (
        <ul className="space-y-2">
          {reports.map((r, i) => (
            <li key={r.reportId}>
              <Link
                href={`/w/${slug}/reports/${r.reportId}`}
                className="block rounded-lg bg-white p-4 ring-1 ring-slate-200 hover:ring-brand-600"
                data-testid="report-link"
              >
                <span className="font-medium">Loop {i + 1} feedback</span>
                <span className="block text-sm text-slate-600">
                  {r.level} level · released <LocalTime value={r.releasedAt} style="short" />
                  {r.version > 1 ? ` · revised (v${r.version})` : ""}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
