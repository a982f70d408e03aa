import type { Metadata } from "next";
import { openOnServer } from "@/trpc/open-on-server";
import { loadWorkspaceWith } from "../../../workspace-context";
import { ScorecardForm } from "./scorecard-form";

export const metadata: Metadata = { title: "Scorecard" };
export const dynamic = "force-dynamic";

export default async function ScorecardPage({ params }: { params: Promise<{ slug: string; roundId: string }> }) {
  const { slug, roundId } = await params;
  const ws = await loadWorkspaceWith(slug, "scorecard.fill");
  // Opened (created on first visit) while the page renders: the form arrives filled in, with its version.
  const opened = await openOnServer((api) => api.scorecard.open({ workspaceId: ws.id, roundId }));
  return <ScorecardForm workspaceId={ws.id} slug={slug} roundId={roundId} opened={opened} />;
}
