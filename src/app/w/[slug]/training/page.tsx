import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { serve } from "@/trpc/server";
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
  const input = { workspaceId: ws.id };
  const [mine, overview, templates] = await Promise.all([
    serve(input, (api) => api.training.mine),
    canManage ? serve(input, (api) => api.training.overview) : null,
    canManage ? serve(input, (api) => api.training.templates) : null,
  ]);
  return (
    <>
      <PageHeader
        title="Training"
        description="Before leading a round type with a training path, an interviewer shadows rounds, then leads with a qualified interviewer shadowing them, and a coach signs them off. Only a submitted scorecard makes a round count."
      />
      <div className="space-y-6">
        <MyTraining workspaceId={ws.id} served={mine} />
        {canManage && <TrainingAdmin workspaceId={ws.id} served={{ overview, templates }} />}
      </div>
    </>
  );
}
