import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import type { Level } from "@/domain/vocabulary";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";
import { CalibrationView } from "./calibration-view";

export const metadata: Metadata = { title: "Calibration" };
export const dynamic = "force-dynamic";

export default async function CalibrationPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "calibration.read");
  const query = await searchParams;
  const level = (firstParam(query.level) || undefined) as Level | undefined;
  const targetRole = firstParam(query.role).trim() || undefined;
  const qc = getQueryClient();
  await Promise.all([
    // A date range is read in the browser's zone, so only the browser can ask for it.
    ...(firstParam(query.from) || firstParam(query.to)
      ? []
      : [qc.prefetchQuery(trpc.calibration.cohort.queryOptions({ workspaceId: ws.id, level, targetRole }))]),
    qc.prefetchQuery(trpc.calibration.interviewers.queryOptions({ workspaceId: ws.id })),
  ]);
  return (
    <>
      <PageHeader
        title="Calibration"
        description="Candidates compared on one scale, corrected for each interviewer's severity (estimated from every submitted scorecard, shrunk toward zero for interviewers with few ratings). See docs/calibration.md for the method and its limits."
      />
      <HydrateClient>
        <CalibrationView workspaceId={ws.id} />
      </HydrateClient>
    </>
  );
}
