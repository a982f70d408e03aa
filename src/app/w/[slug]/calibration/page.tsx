import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import { byNextCursor } from "@/app/_lib/next-page";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
import { loadWorkspaceWith } from "../workspace-context";
import { CalibrationView } from "./calibration-view";
import { cohortListInput, interviewerListInput } from "./list-input";

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
  // The first page of each of the cohort's lists, with the filters CohortCard reads from the URL.
  const filters = { level: firstParam(query.level), role: firstParam(query.role), sort: firstParam(query.sort) };
  // …and of the interviewer report's two lists, with the search and order InterviewerCard reads from the URL.
  const interviewerFilters = { search: firstParam(query.interviewer), sort: firstParam(query.isort) };
  const qc = getQueryClient();
  const firstPage = (section: "ranked" | "notCalibrated") =>
    qc.prefetchInfiniteQuery(
      trpc.calibration.cohortPage.infiniteQueryOptions(cohortListInput(ws.id, section, filters), byNextCursor),
    );
  const firstInterviewers = (section: "calibrated" | "notCalibrated") =>
    qc.prefetchInfiniteQuery(
      trpc.calibration.interviewerPage.infiniteQueryOptions(
        interviewerListInput(ws.id, section, interviewerFilters),
        byNextCursor,
      ),
    );
  await Promise.all([
    // A date range is read in the browser's zone, so only the browser can ask for it.
    ...(firstParam(query.from) || firstParam(query.to) ? [] : [firstPage("ranked"), firstPage("notCalibrated")]),
    firstInterviewers("calibrated"),
    firstInterviewers("notCalibrated"),
    qc.prefetchQuery(trpc.calibration.summary.queryOptions({ workspaceId: ws.id })),
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
