"use client";

// Deleting the whole workspace (owners; docs/privacy.md): the owner types its name to confirm.
import { toast } from "@/components/toast";
import { Button, Card, ConfirmDialog } from "@/components/ui";
import { useAction } from "@/trpc/action";

export function DeleteWorkspace({ workspaceId, name }: { workspaceId: string; name: string }) {
  const remove = useAction((api) => api.workspace.delete.mutate, {
    onSuccess: () => {
      toast.success(`${name} was deleted`);
      // A full load: nothing cached about the workspace may survive.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
      window.location.assign("/w");
    },
  });
  return (
    <Card
      title="Delete workspace"
      description="Deletes the workspace and everything in it for everyone: members, loops, scorecards, reports, the library and the audit log."
    >
      <ConfirmDialog
        trigger={
          <Button variant="danger" busy={remove.isPending}>
            Delete {name}
          </Button>
        }
        title={`Delete ${name}?`}
        description="Everything in it is deleted at once for every member, and cannot be recovered."
        typed={{ label: `Type the workspace's name (${name}) to confirm`, expected: name }}
        confirmLabel="Delete workspace"
        onConfirm={() => remove.mutate({ workspaceId, confirmName: name })}
      />
    </Card>
  );
}
