import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { loadWorkspaceWith } from "../workspace-context";
import { CalibrationView } from "./calibration-view";

export const metadata: Metadata = { title: "Calibration" };
export const dynamic = "force-dynamic";

export default async function CalibrationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "calibration.read");
  return (
    <>
      <PageHeader
        title="Calibration"
        description="Candidates compared on one scale, corrected for each interviewer's severity (estimated from every submitted scorecard, shrunk toward zero for interviewers with few ratings). See docs/calibration.md for the method and its limits."
      />
      <CalibrationView workspaceId={ws.id} />
    </>
  );
}
