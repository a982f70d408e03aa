"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { useFormErrors } from "@/components/errors";
import { Button, Card, Checkbox, ConfirmDialog, Field, Input, TimeZoneSelect } from "@/components/ui";
import { useAction } from "@/trpc/action";

const schemas = () => import("@/schemas/workspace");

export function SettingsForm({
  workspaceId,
  name: initialName,
  timeZone: initialZone,
  showInterviewerNames: initialShow,
  retentionMonths: initialRetention,
}: {
  workspaceId: string;
  name: string;
  timeZone: string;
  showInterviewerNames: boolean;
  retentionMonths: number | null;
}) {
  const router = useRouter();
  const [name, setName] = useState(initialName);
  const [timeZone, setTimeZone] = useState(initialZone);
  const [showNames, setShowNames] = useState(initialShow);
  const [retention, setRetention] = useState(initialRetention === null ? "" : String(initialRetention));
  const { errors, validate, onServerError } = useFormErrors(schemas);
  const update = useAction((api) => api.workspace.update.mutate, {
    onSuccess: () => {
      toast.success("Settings saved");
      router.refresh();
    },
    onError: onServerError,
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = await validate((s) => s.UpdateWorkspaceInput, {
      workspaceId,
      name,
      timeZone,
      showInterviewerNames: showNames,
      retentionMonths: retention.trim() === "" ? null : Number(retention),
    });
    if (input) update.mutate(input);
  }
  return (
    <Card title="Workspace" description="The time zone is the default for schedules and reports.">
      <form onSubmit={(e) => void submit(e)} noValidate className="max-w-md space-y-4">
        <Field label="Name" htmlFor="settings-name" error={errors.name}>
          <Input id="settings-name" value={name} onChange={(e) => setName(e.target.value)} invalid={!!errors.name} />
        </Field>
        <Field label="Time zone" htmlFor="settings-tz" error={errors.timeZone}>
          <TimeZoneSelect id="settings-tz" value={timeZone} current={initialZone} onChange={setTimeZone} />
        </Field>
        <Checkbox
          label="Show interviewer names to candidates"
          description="Off by default: candidates see released feedback without who wrote it."
          checked={showNames}
          onChange={(e) => setShowNames(e.target.checked)}
        />
        <Field
          label="Erase candidates' personal data after (months)"
          htmlFor="settings-retention"
          error={errors.retentionMonths}
          hint="Counted from their last loop. Leave empty to keep it until someone erases it. Numeric ratings stay, anonymised."
        >
          <Input
            id="settings-retention"
            inputMode="numeric"
            value={retention}
            onChange={(e) => setRetention(e.target.value)}
            invalid={!!errors.retentionMonths}
            className="w-32"
          />
        </Field>
        <Button type="submit" busy={update.isPending}>
          Save changes
        </Button>
      </form>
    </Card>
  );
}

export function LeaveWorkspace({ workspaceId, name }: { workspaceId: string; name: string }) {
  const router = useRouter();
  const leave = useAction((api) => api.workspace.leave.mutate, {
    onSuccess: () => {
      toast.success(`You left ${name}`);
      router.push("/w");
    },
  });
  return (
    <Card title="Leave workspace" description="You lose access at once. An owner can invite you again.">
      <ConfirmDialog
        trigger={
          <Button variant="danger" busy={leave.isPending}>
            Leave {name}
          </Button>
        }
        title={`Leave ${name}?`}
        description="You lose access at once. An owner can invite you again."
        confirmLabel="Leave workspace"
        onConfirm={() => leave.mutate({ workspaceId })}
      />
    </Card>
  );
}
