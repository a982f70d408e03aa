import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";
import { InterviewerTable } from "./interviewer-table";

export const metadata: Metadata = { title: "Interviewers" };
export const dynamic = "force-dynamic";

export default async function InterviewersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "loop.read");
  // What InterviewerTable shows: the interviewers and the round types they may run.
  const [interviewers, library] = await Promise.all([
    serve({ workspaceId: ws.id }, (api) => api.schedule.interviewers),
    can(ws.role, "library.read")
      ? serve({ workspaceId: ws.id, includeArchived: false }, (api) => api.library.list)
      : null,
  ]);
  // Only what the checkboxes show of each round type.
  const roundTypes = (library?.data.roundTypes ?? []).map((rt) => ({ key: rt.key, name: rt.name }));
  return (
    <>
      <PageHeader
        title="Interviewers"
        description="Which round types each interviewer runs (these form the pools for suggested slots), their weekly cap and this week's load. A round type with a training path is led only by those qualified for it; the others shadow it until a coach signs them off on the Training page."
      />
      <InterviewerTable
        workspaceId={ws.id}
        canManage={can(ws.role, "loop.manage")}
        roundTypes={roundTypes}
        served={interviewers}
      />
    </>
  );
}
