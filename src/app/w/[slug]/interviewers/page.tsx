import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
import { loadWorkspaceWith } from "../workspace-context";
import { InterviewerTable } from "./interviewer-table";

export const metadata: Metadata = { title: "Interviewers" };
export const dynamic = "force-dynamic";

export default async function InterviewersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "loop.read");
  // What InterviewerTable asks for first: the interviewers and the round types they may run.
  const qc = getQueryClient();
  await Promise.all([
    qc.prefetchQuery(trpc.schedule.interviewers.queryOptions({ workspaceId: ws.id })),
    ...(can(ws.role, "library.read")
      ? [qc.prefetchQuery(trpc.library.list.queryOptions({ workspaceId: ws.id, includeArchived: false }))]
      : []),
  ]);
  return (
    <>
      <PageHeader
        title="Interviewers"
        description="Which round types each interviewer runs (these form the pools for suggested slots), their weekly cap and this week's load. A round type with a training path is led only by those qualified for it; the others shadow it until a coach signs them off on the Training page."
      />
      <HydrateClient>
        <InterviewerTable workspaceId={ws.id} canManage={can(ws.role, "loop.manage")} />
      </HydrateClient>
    </>
  );
}
