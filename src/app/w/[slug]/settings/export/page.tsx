import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../../workspace-context";
import { ExportPanel } from "./export-panel";

export const metadata: Metadata = { title: "Export" };
export const dynamic = "force-dynamic";

export default async function ExportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "workspace.export");
  const exports = await serve({ workspaceId: ws.id }, (api) => api.workspaceExport.list);
  return (
    <>
      <PageHeader
        title="Export"
        description="Everything this workspace holds, as one JSON document and a CSV file per list, made in the background."
      />
      <p className="mb-6 text-sm text-slate-700">
        Sign-in tokens, API keys and webhook secrets are never exported. An export can be imported as a new workspace
        from{" "}
        <Link href="/w" className="underline focus-ring">
          your workspaces
        </Link>
        .
      </p>
      <ExportPanel workspaceId={ws.id} served={exports} />
    </>
  );
}
