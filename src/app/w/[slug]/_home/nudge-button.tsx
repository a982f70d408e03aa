"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/toast";
import { LocalTime } from "@/components/time";
import { Button } from "@/components/ui";
import { useAction } from "@/trpc/action";

/** Reminds an interviewer of one overdue scorecard; shows when the last reminder went out instead. */
export function NudgeButton({
  workspaceId,
  roundId,
  interviewer,
  nudgedAt,
}: {
  workspaceId: string;
  roundId: string;
  interviewer: string;
  nudgedAt: Date | null;
}) {
  const router = useRouter();
  const nudge = useAction((api) => api.home.nudge.mutate, {
    onSuccess: () => {
      toast.success(`Reminder sent to ${interviewer}`);
      router.refresh();
    },
  });
  if (nudgedAt) {
    return (
      <span className="text-xs text-slate-600">
        Reminded <LocalTime value={nudgedAt} style="short" />
      </span>
    );
  }
  return (
    <Button
      variant="secondary"
      className="px-2.5 py-1 text-xs"
      busy={nudge.isPending}
      onClick={() => nudge.mutate({ workspaceId, roundId })}
      aria-label={`Remind ${interviewer} of this scorecard`}
    >
      Nudge
    </Button>
  );
}
