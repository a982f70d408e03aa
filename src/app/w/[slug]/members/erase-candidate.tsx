"use client";

// A coach or owner erases a candidate's personal data (docs/privacy.md), after a confirmation that says
// what goes and what stays.
import { toast } from "@/components/toast";
import { Button, ConfirmDialog } from "@/components/ui";
import { useAction } from "@/trpc/action";
import { invalidate } from "@/trpc/light-query";

export function EraseCandidate({
  workspaceId,
  memberId,
  name,
}: {
  workspaceId: string;
  memberId: string;
  name: string;
}) {
  const erase = useAction((api) => api.member.erase.mutate, {
    onSuccess: (result) => {
      toast.success(`${name}'s personal data was erased; they are now listed as ${result.name}.`);
      void invalidate("member");
    },
  });
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger" busy={erase.isPending}>
          Erase data
        </Button>
      }
      title={`Erase ${name}'s personal data?`}
      description="Their name, email, notes, reports, invitations and emails are deleted, and if they belong to no other workspace, their account too. Their loops and the numeric ratings stay, anonymised, so interviewers' calibration does not change. This cannot be undone."
      confirmLabel="Erase personal data"
      onConfirm={() => erase.mutate({ workspaceId, candidateMemberId: memberId })}
    />
  );
}
