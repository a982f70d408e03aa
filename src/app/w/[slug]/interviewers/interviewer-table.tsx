"use client";

import { useState } from "react";
import { toast } from "@/components/toast";
import { Alert, Badge, Button, Card, Checkbox, EmptyState, Input, Skeleton } from "@/components/ui";
import { useAction } from "@/trpc/action";
import { invalidate, useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";

export function InterviewerTable({
  workspaceId,
  canManage,
  roundTypes,
  served,
}: {
  workspaceId: string;
  canManage: boolean;
  /** The round types an interviewer may run (none for those who cannot read the library). */
  roundTypes: { key: string; name: string }[];
  /** The interviewers, rendered by the server. */
  served: Served<{ workspaceId: string }, RouterOutputs["schedule"]["interviewers"]> | null;
}) {
  const interviewers = useLightQuery((api) => api.schedule.interviewers.query, { workspaceId }, served);
  if (interviewers.isPending) return <Skeleton rows={4} />;
  if (interviewers.isError) return <Alert>{interviewers.error.message}</Alert>;
  if (interviewers.data.length === 0)
    return (
      <EmptyState title="No interviewers yet">
        Invite members with the interviewer role from the Members page.
      </EmptyState>
    );
  return (
    <div className="space-y-4">
      {interviewers.data.map((i) => (
        <InterviewerRow
          key={i.memberId}
          workspaceId={workspaceId}
          interviewer={i}
          roundTypes={roundTypes}
          canManage={canManage}
        />
      ))}
    </div>
  );
}

function InterviewerRow({
  workspaceId,
  interviewer,
  roundTypes,
  canManage,
}: {
  workspaceId: string;
  interviewer: {
    memberId: string;
    name: string;
    email: string | null;
    timeZone: string | null;
    roundTypeKeys: string[];
    trainingKeys: string[];
    weeklyCap: number | null;
    loadThisWeek: number;
  };
  roundTypes: { key: string; name: string }[];
  canManage: boolean;
}) {
  const [keys, setKeys] = useState(interviewer.roundTypeKeys);
  const [cap, setCap] = useState(interviewer.weeklyCap === null ? "" : String(interviewer.weeklyCap));
  const save = useAction((api) => api.schedule.saveInterviewerSettings.mutate, {
    onSuccess: () => {
      toast.success(`Saved ${interviewer.name}`);
      void invalidate("schedule.interviewers");
    },
  });
  return (
    <Card
      title={interviewer.name}
      description={`${interviewer.email ?? ""} · ${interviewer.timeZone ?? "time zone not set"} · ${interviewer.loadThisWeek} round(s) this week${interviewer.weeklyCap !== null ? ` of ${interviewer.weeklyCap}` : ""}`}
    >
      <fieldset disabled={!canManage} data-testid="interviewer-settings">
        <legend className="text-sm font-medium">Runs these round types</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2 lg:grid-cols-4">
          {roundTypes.map((rt) => (
            <div key={rt.key} className="flex flex-wrap items-center gap-x-2 text-sm">
              <Checkbox
                label={rt.name}
                checked={keys.includes(rt.key)}
                onChange={(e) => setKeys(e.target.checked ? [...keys, rt.key] : keys.filter((k) => k !== rt.key))}
              />
              {interviewer.trainingKeys.includes(rt.key) && <Badge tone="amber">in training</Badge>}
            </div>
          ))}
        </div>
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <label className="text-sm font-medium" htmlFor={`cap-${interviewer.memberId}`}>
            Weekly cap
            <Input
              id={`cap-${interviewer.memberId}`}
              type="number"
              min={0}
              max={50}
              className="mt-1 w-28"
              value={cap}
              placeholder="none"
              onChange={(e) => setCap(e.target.value)}
            />
          </label>
          {canManage && (
            <Button
              busy={save.isPending}
              onClick={() =>
                save.mutate({
                  workspaceId,
                  memberId: interviewer.memberId,
                  roundTypeKeys: keys,
                  weeklyCap: cap === "" ? null : Number(cap),
                })
              }
            >
              Save {interviewer.name}
            </Button>
          )}
        </div>
      </fieldset>
    </Card>
  );
}
