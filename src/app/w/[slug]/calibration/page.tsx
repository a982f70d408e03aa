import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import { serve } from "@/trpc/server";
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
  // A date range is read in the browser's zone, so only the browser can ask for it.
  const dated = !!(firstParam(query.from) || firstParam(query.to));
  const firstPage = (section: "ranked" | "notCalibrated") =>
    dated ? null : serve(cohortListInput(ws.id, section, filters), (api) => api.calibration.cohortPage);
  const firstInterviewers = (section: "calibrated" | "notCalibrated") =>
    serve(interviewerListInput(ws.id, section, interviewerFilters), (api) => api.calibration.interviewerPage);
  const [ranked, notCalibrated, interviewers, interviewersApart, summary] = await Promise.all([
    firstPage("ranked"),
    firstPage("notCalibrated"),
    firstInterviewers("calibrated"),
    firstInterviewers("notCalibrated"),
    serve({ workspaceId: ws.id }, (api) => api.calibration.summary),
  ]);
  return (
    <>
      <PageHeader
        title="Calibration"
        description="Candidates compared on one scale, corrected for each interviewer's severity (estimated from every submitted scorecard, shrunk toward zero for interviewers with few ratings). See docs/calibration.md for the method and its limits."
      />
      <CalibrationView
        workspaceId={ws.id}
        served={{ ranked, notCalibrated, interviewers, interviewersApart, summary }}
      />
    </>
  );
}
