import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui";
import { can, ROLE_LABELS } from "@/domain/roles";
import { getServerCaller } from "@/trpc/server";
import { CandidateHome } from "./_home/candidate-home";
import { CoachHome } from "./_home/coach-home";
import { InterviewerHome } from "./_home/interviewer-home";
import { link } from "./_home/list-card";
import { loadWorkspace } from "./workspace-context";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

export default async function WorkspaceHome({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspace(slug);
  const caller = await getServerCaller();
  const [home, details] = await Promise.all([
    caller.home.get({ workspaceId: ws.id }),
    caller.workspace.get({ workspaceId: ws.id }),
  ]);
  const { coach, interviewer, candidate } = home;
  const showInterviewer =
    interviewer && (ws.role === "interviewer" || interviewer.upcoming.total > 0 || interviewer.scorecardsDue.total > 0);
  return (
    <>
      <PageHeader
        title={ws.name}
        description={`What needs you next, as ${ROLE_LABELS[ws.role].toLowerCase()}. Times are in your zone.`}
      />

      {coach && <CoachHome slug={slug} workspaceId={ws.id} coach={coach} />}

      {showInterviewer && interviewer && <InterviewerHome slug={slug} interviewer={interviewer} />}

      {candidate && <CandidateHome slug={slug} candidate={candidate} />}

      <Card title="Workspace">
        <p className="text-sm text-slate-700">
          <span data-testid="member-count" className="font-semibold">
            {details.memberCount}
          </span>{" "}
          {details.memberCount === 1 ? "member" : "members"}.{" "}
          {can(ws.role, "member.list") && (
            <Link className={link} href={`/w/${slug}/members`}>
              Manage members
            </Link>
          )}
        </p>
      </Card>
    </>
  );
}
