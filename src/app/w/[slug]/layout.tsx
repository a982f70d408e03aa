import Link from "next/link";
import type { ReactNode } from "react";
import { requireActor } from "@/app/_lib/session";
import { can } from "@/domain/roles";
import { getServerCaller } from "@/trpc/server";
import { ViewerZoneProvider } from "@/components/time";
import { formatInZone, personZone } from "@/domain/time-zone";
import { UserMenu } from "../user-menu";
import { DetectZone } from "../detect-zone";
import { AppNav, CollapsibleNav, WorkspaceSwitcher } from "./shell";
import { loadWorkspace } from "./workspace-context";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const actor = await requireActor(`/w/${slug}`);
  const workspace = await loadWorkspace(slug);
  const all = await (await getServerCaller()).workspace.listMine();
  const items = [
    { href: `/w/${slug}`, label: "Overview", show: true },
    { href: `/w/${slug}/loops`, label: "Loops", show: can(workspace.role, "loop.read") },
    { href: `/w/${slug}/calibration`, label: "Calibration", show: can(workspace.role, "calibration.read") },
    { href: `/w/${slug}/analytics`, label: "Analytics", show: can(workspace.role, "analytics.read") },
    { href: `/w/${slug}/templates`, label: "Loop templates", show: can(workspace.role, "loop.read") },
    { href: `/w/${slug}/agenda`, label: "My agenda", show: can(workspace.role, "agenda.read") },
    { href: `/w/${slug}/schedule`, label: "My schedule", show: workspace.role === "candidate" },
    { href: `/w/${slug}/reports`, label: "My feedback", show: can(workspace.role, "report.own") },
    { href: `/w/${slug}/availability`, label: "Availability", show: can(workspace.role, "schedule.self") },
    { href: `/w/${slug}/interviewers`, label: "Interviewers", show: can(workspace.role, "loop.read") },
    { href: `/w/${slug}/training`, label: "Training", show: can(workspace.role, "training.self") },
    { href: `/w/${slug}/library`, label: "Rubric library", show: can(workspace.role, "library.read") },
    { href: `/w/${slug}/questions`, label: "Question bank", show: can(workspace.role, "library.read") },
    { href: `/w/${slug}/kits`, label: "Interviewer kits", show: can(workspace.role, "kit.read") },
    { href: `/w/${slug}/exercises`, label: "Exercises", show: can(workspace.role, "exercise.take") },
    { href: `/w/${slug}/how-i-rate`, label: "How I rate", show: can(workspace.role, "rating.self") },
    { href: `/w/${slug}/members`, label: "Members", show: can(workspace.role, "member.list") },
    { href: `/w/${slug}/email`, label: "Email delivery", show: can(workspace.role, "outbox.manage") },
    { href: `/w/${slug}/audit`, label: "Audit log", show: can(workspace.role, "audit.read") },
    { href: `/w/${slug}/settings`, label: "Settings", show: true },
  ].filter((i) => i.show);

  const zone = personZone(actor.timeZone, workspace.timeZone);
  return (
    <ViewerZoneProvider zone={zone}>
      <DetectZone needed={!actor.timeZone} />
      <div className="min-h-screen md:grid md:grid-cols-[16rem_1fr] print:block">
        <nav
          aria-label="Workspace"
          className="app-chrome border-b border-slate-200 bg-white p-4 md:min-h-screen md:border-r md:border-b-0"
        >
          <CollapsibleNav items={items.map(({ href, label }) => ({ href, label }))}>
            <WorkspaceSwitcher current={workspace.slug} workspaces={all.map((w) => ({ slug: w.slug, name: w.name }))} />
            <AppNav items={items.map(({ href, label }) => ({ href, label }))} />
          </CollapsibleNav>
        </nav>
        <div className="min-w-0">
          <header className="app-chrome flex items-center justify-between border-b border-slate-200 bg-white px-6 py-3">
            <p className="text-sm text-slate-600">
              <span className="font-medium text-slate-900">{workspace.name}</span> · your role: {workspace.role} ·{" "}
              <Link
                href="/w#account-tz"
                className="underline decoration-slate-300 underline-offset-2 hover:text-slate-900"
                title="Every time is shown in this zone. Change it on your account page."
              >
                times in {zone} ({formatInZone(new Date(), zone, "time").replace(/^.* /, "")})
              </Link>
            </p>
            <UserMenu name={actor.name} email={actor.email} />
          </header>
          <main id="main" className="mx-auto max-w-5xl px-6 py-8">
            {children}
          </main>
        </div>
      </div>
    </ViewerZoneProvider>
  );
}
