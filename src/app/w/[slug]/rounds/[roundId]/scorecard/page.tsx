import type { Metadata } from "next";
import { loadWorkspaceWith } from "../../../workspace-context";
import { ScorecardForm } from "./scorecard-form";
import { DataLayer } from "@/trpc/data-layer";

export const metadata: Metadata = { title: "Scorecard" };
export const dynamic = "force-dynamic";

export default async function ScorecardPage({ params }: { params: Promise<{ slug: string; roundId: string }> }) {
  const { slug, roundId } = await params;
  const ws = await loadWorkspaceWith(slug, "scorecard.fill");
  return (
    <DataLayer>
      <ScorecardForm workspaceId={ws.id} slug={slug} roundId={roundId} />
    </DataLayer>
  );
}
