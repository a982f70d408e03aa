"use client";

import { useState } from "react";
import { toast } from "@/components/toast";
import { Alert, Badge, Button, Card, Checkbox, Input, Skeleton } from "@/components/ui";
import { useAction } from "@/trpc/action";
import { invalidate, useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { ProgressSteps, type ProgressView } from "./progress-steps";

interface RoundTypeTraining {
  roundTypeId: string;
  name: string;
  path: { shadowsRequired: number; reverseShadowsRequired: number; exerciseRequired: boolean } | null;
  qualified: { memberId: string; name: string; basis: "sign_off" | "prior_rounds" }[];
  trainees: { memberId: string; name: string; progress: ProgressView }[];
  pool: number;
}

/** For coaches: each round type's path, who is qualified, every trainee's progress, sign-off, auto-shadow. */
type WorkspaceInput = { workspaceId: string };

export function TrainingAdmin({
  workspaceId,
  served,
}: {
  workspaceId: string;
  /** Everyone's progress and the auto-shadow settings, rendered by the server. */
  served: {
    overview: Served<WorkspaceInput, RouterOutputs["training"]["overview"]> | null;
    templates: Served<WorkspaceInput, RouterOutputs["training"]["templates"]> | null;
  };
}) {
  const overview = useLightQuery((api) => api.training.overview.query, { workspaceId }, served.overview);
  if (overview.isPending) return <Skeleton rows={4} />;
  if (overview.isError) return <Alert>{overview.error.message}</Alert>;
  return (
    <>
      <h2 className="text-lg font-semibold text-slate-900">Everyone&apos;s progress</h2>
      {overview.data.map((t) => (
        <RoundTypeCard key={t.roundTypeId} workspaceId={workspaceId} training={t} />
      ))}
      <AutoShadow workspaceId={workspaceId} served={served.templates} />
    </>
  );
}

/** After a change: the viewer's paths, everyone's progress and the settings read again. */
const refresh = () => invalidate("training");

function RoundTypeCard({ workspaceId, training: t }: { workspaceId: string; training: RoundTypeTraining }) {
  const [shadows, setShadows] = useState(String(t.path?.shadowsRequired ?? 2));
  const [reverse, setReverse] = useState(String(t.path?.reverseShadowsRequired ?? 2));
  const [exercise, setExercise] = useState(t.path?.exerciseRequired ?? false);
  const save = useAction((api) => api.training.savePath.mutate, {
    onSuccess: (r) => {
      toast.success(
        r.qualifiedFromPriorRounds
          ? `Path saved; ${r.qualifiedFromPriorRounds} interviewer(s) who already led ${t.name} stay qualified`
          : "Path saved",
      );
      void refresh();
    },
  });
  const remove = useAction((api) => api.training.removePath.mutate, {
    onSuccess: () => {
      toast.success(`Path removed: everyone in the ${t.name} pool leads again`);
      void refresh();
    },
  });
  // The trainee being signed off, for their button's busy state.
  const [signing, setSigning] = useState<string | null>(null);
  const signOff = useAction((api) => api.training.signOff.mutate, {
    onSuccess: () => {
      toast.success("Signed off: they now lead these rounds and appear in suggested slots");
      void refresh();
    },
  });
  const id = `path-${t.roundTypeId}`;
  return (
    <Card
      title={t.name}
      description={
        t.path
          ? `${t.path.shadowsRequired} shadow(s), then ${t.path.reverseShadowsRequired} reverse-shadow(s), ${t.path.exerciseRequired ? "then a passed calibration exercise, " : ""}then sign-off.`
          : `No training path: everyone in its pool (${t.pool}) leads it.`
      }
    >
      <form
        aria-label={`Training path for ${t.name}`}
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            workspaceId,
            roundTypeId: t.roundTypeId,
            shadowsRequired: Number(shadows),
            reverseShadowsRequired: Number(reverse),
            exerciseRequired: exercise,
          });
        }}
      >
        <label className="text-sm font-medium" htmlFor={`${id}-shadows`}>
          Shadows
          <Input
            id={`${id}-shadows`}
            type="number"
            min={0}
            max={20}
            className="mt-1 w-24"
            value={shadows}
            onChange={(e) => setShadows(e.target.value)}
          />
        </label>
        <label className="text-sm font-medium" htmlFor={`${id}-reverse`}>
          Reverse-shadows
          <Input
            id={`${id}-reverse`}
            type="number"
            min={0}
            max={20}
            className="mt-1 w-24"
            value={reverse}
            onChange={(e) => setReverse(e.target.value)}
          />
        </label>
        <Checkbox
          label="Pass a calibration exercise"
          description="Before sign-off: their latest attempt at an exercise of this round type passed."
          checked={exercise}
          onChange={(e) => setExercise(e.target.checked)}
        />
        <Button type="submit" variant="secondary" busy={save.isPending}>
          {t.path ? "Save path" : "Add a path"}
        </Button>
        {t.path && (
          <Button
            type="button"
            variant="ghost"
            busy={remove.isPending}
            onClick={() => remove.mutate({ workspaceId, roundTypeId: t.roundTypeId })}
          >
            Remove path
          </Button>
        )}
      </form>
      {t.path && (
        <div className="mt-4 grid gap-4 md:grid-cols-[1fr_2fr]">
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Qualified to lead</h3>
            {t.qualified.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600">Nobody yet: suggestions cannot staff this round type.</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm">
                {t.qualified.map((q) => (
                  <li key={q.memberId}>
                    {q.name}{" "}
                    <Badge tone={q.basis === "sign_off" ? "green" : "gray"}>
                      {q.basis === "sign_off" ? "signed off" : "led before the path"}
                    </Badge>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Trainees</h3>
            {t.trainees.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600">
                Nobody in training. Add {t.name} to an interviewer&apos;s round types on the Interviewers page to start
                them on this path.
              </p>
            ) : (
              <ul className="mt-1 space-y-3" aria-label={`Trainees for ${t.name}`}>
                {t.trainees.map((p) => (
                  <li key={p.memberId} className="rounded-md p-3 ring-1 ring-slate-200">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <span className="font-medium">{p.name}</span>
                      <Button
                        variant="secondary"
                        disabled={p.progress.stage !== "sign_off"}
                        title={p.progress.stage === "sign_off" ? undefined : "Every step must be done first"}
                        busy={signOff.isPending && signing === p.memberId}
                        onClick={() => {
                          if (signOff.isPending) return;
                          setSigning(p.memberId);
                          signOff.mutate({ workspaceId, memberId: p.memberId, roundTypeId: t.roundTypeId });
                        }}
                      >
                        Sign off {p.name}
                      </Button>
                    </div>
                    <div className="mt-2">
                      <ProgressSteps progress={p.progress} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}

function AutoShadow({
  workspaceId,
  served,
}: {
  workspaceId: string;
  served: Served<WorkspaceInput, RouterOutputs["training"]["templates"]> | null;
}) {
  const templates = useLightQuery((api) => api.training.templates.query, { workspaceId }, served);
  const set = useAction((api) => api.training.setAutoShadow.mutate, {
    onSuccess: (r) => {
      toast.success(r.autoShadow ? "Suggestions will add a trainee as shadow" : "Suggestions add no shadow");
      void refresh();
    },
  });
  return (
    <Card
      title="Shadows in suggested slots"
      description="For loops from these templates, suggested slots add a free trainee (one who still needs shadows) as each round's shadow."
    >
      {templates.isPending ? (
        <Skeleton rows={2} />
      ) : (
        <ul className="space-y-2 text-sm">
          {templates.data?.map((t) => (
            <li key={t.id}>
              <Checkbox
                label={t.name}
                checked={t.autoShadow}
                disabled={set.isPending}
                onChange={(e) => set.mutate({ workspaceId, templateId: t.id, autoShadow: e.target.checked })}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
