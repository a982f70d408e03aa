import Link from "next/link";
import { Card, PageHeader } from "@/components/ui";
import { can, ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/domain/roles";
import { getServerCaller } from "@/trpc/server";
import { loadWorkspace } from "./workspace-context";

export const dynamic = "force-dynamic";

export default async function WorkspaceHome({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspace(slug);
  const caller = await getServerCaller();
  const details = await caller.workspace.get({ workspaceId: ws.id });
  const invitations = can(ws.role, "invitation.manage") ? await caller.invitation.list({ workspaceId: ws.id }) : null;
  const pending = invitations?.filter((i) => i.status === "pending").length ?? 0;
  return (
    <>
      <PageHeader title={ws.name} description={`Time zone ${ws.timeZone}. You are ${ROLE_LABELS[ws.role].toLowerCase()} here.`} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Card title="Members">
          <p className="text-3xl font-semibold" data-testid="member-count">{details.memberCount}</p>
          {can(ws.role, "member.list") && (
            <Link className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline" href={`/w/${slug}/members`}>
              Manage members
            </Link>
          )}
        </Card>
        {invitations && (
          <Card title="Pending invitations">
            <p className="text-3xl font-semibold">{pending}</p>
          </Card>
        )}
        <Card title="Your role">
          <p className="text-sm text-slate-700">{ROLE_DESCRIPTIONS[ws.role]}</p>
        </Card>
      </div>
      <Card className="mt-6" title="Coming next" description="Loops, rubric scorecards, calibrated debriefs and candidate reports build on this workspace.">
        <p className="text-sm text-slate-700">Invite your coaches, interviewers and candidates now so they are ready when you schedule the first loop.</p>
      </Card>
    </>
  );
}
