import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass, Card, PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { getServerCaller } from "@/trpc/server";
import { currentActor } from "@/app/_lib/session";
import { personZone } from "@/domain/time-zone";
import { TimeZoneForm } from "../../time-zone-form";
import { loadWorkspace } from "../workspace-context";
import { LeaveWorkspace, SettingsForm } from "./settings-forms";
import { DeleteWorkspace } from "./delete-workspace";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspace(slug);
  const details = await (await getServerCaller()).workspace.get({ workspaceId: ws.id });
  const actor = await currentActor();
  return (
    <>
      <PageHeader title="Settings" />
      <div className="space-y-6">
        <TimeZoneForm key={actor?.timeZone ?? "none"} timeZone={personZone(actor?.timeZone, ws.timeZone)} />
        {can(ws.role, "workspace.update") && (
          <SettingsForm
            workspaceId={ws.id}
            name={ws.name}
            timeZone={ws.timeZone}
            showInterviewerNames={details.showInterviewerNames}
            retentionMonths={details.retentionMonths}
          />
        )}
        {can(ws.role, "webhook.manage") && (
          <Card title="Webhooks" description="Send events to your systems or a Slack channel as they happen.">
            <Link href={`/w/${ws.slug}/settings/webhooks`} className={buttonClass("secondary")}>
              Manage webhooks
            </Link>
          </Card>
        )}
        {can(ws.role, "apikey.manage") && (
          <Card title="API keys" description="Keys for other tools to use this workspace through the REST API.">
            <Link href={`/w/${ws.slug}/settings/api-keys`} className={buttonClass("secondary")}>
              Manage API keys
            </Link>
          </Card>
        )}
        {can(ws.role, "workspace.export") && (
          <Card title="Export" description="Everything in this workspace as JSON and CSV files, to keep or to import.">
            <Link href={`/w/${ws.slug}/settings/export`} className={buttonClass("secondary")}>
              Export workspace
            </Link>
          </Card>
        )}
        <LeaveWorkspace workspaceId={ws.id} name={ws.name} />
        {can(ws.role, "workspace.delete") && <DeleteWorkspace workspaceId={ws.id} name={ws.name} />}
      </div>
    </>
  );
}
