import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
import { loadWorkspaceWith } from "../workspace-context";
import { MyTraining } from "./my-training";
import { TrainingAdmin } from "./training-admin";

export const metadata: Metadata = { title: "Training" };
export const dynamic = "force-dynamic";

export default async function TrainingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "training.self");
  const canManage = can(ws.role, "training.manage");
  // The viewer's own paths; for coaches also everyone's progress and the auto-shadow settings.
  const qc = getQueryClient();
  await Promise.all([
    qc.prefetchQuery(trpc.training.mine.queryOptions({ workspaceId: ws.id })),
    ...(canManage
      ? [
          qc.prefetchQuery(trpc.training.overview.queryOptions({ workspaceId: ws.id })),
          qc.prefetchQuery(trpc.training.templates.queryOptions({ workspaceId: ws.id })),
        ]
      : []),
  ]);
  return (
    <>
      <PageHeader
        title="Training"
        description="Before leading a round type with a training path, an interviewer shadows rounds, then leads with a qualified interviewer shadowing them, and a coach signs them off. Only a submitted scorecard makes a round count."
      />
      <HydrateClient>
        <div className="space-y-6">
          <MyTraining workspaceId={ws.id} />
          {canManage && <TrainingAdmin workspaceId={ws.id} />}
        </div>
      </HydrateClient>
    </>
  );
}
