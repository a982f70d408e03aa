import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
import { loadWorkspaceWith } from "../../workspace-context";
import { ExportPanel } from "./export-panel";

export const metadata: Metadata = { title: "Export" };
export const dynamic = "force-dynamic";

export default async function ExportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "workspace.export");
  await getQueryClient().prefetchQuery(trpc.workspaceExport.list.queryOptions({ workspaceId: ws.id }));
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
      <HydrateClient>
        <ExportPanel workspaceId={ws.id} />
      </HydrateClient>
    </>
  );
}
