"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { Button, Card, Field, Input, TimeZoneSelect } from "@/components/ui";
import { useAction } from "@/trpc/action";
import { useFormErrors } from "@/components/errors";

const schemas = () => import("@/schemas/workspace");

export function CreateWorkspaceForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  const { errors, validate, onServerError } = useFormErrors(schemas);
  const create = useAction((api) => api.workspace.create.mutate, {
    onSuccess: (ws) => {
      toast.success(`Created ${ws.name}`);
      router.push(`/w/${ws.slug}`);
    },
    onError: onServerError,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = await validate((s) => s.CreateWorkspaceInput, { name, timeZone });
    if (input) create.mutate(input);
  }

  return (
    <Card title="New workspace" description="You become its owner and can invite your team.">
      <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
        <Field label="Workspace name" htmlFor="ws-name" error={errors.name}>
          <Input
            id="ws-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            invalid={!!errors.name}
            placeholder="Acme interview prep"
          />
        </Field>
        <Field label="Time zone" htmlFor="ws-tz" error={errors.timeZone}>
          <TimeZoneSelect id="ws-tz" value={timeZone} onChange={setTimeZone} />
        </Field>
        <Button type="submit" busy={create.isPending} className="w-full">
          Create workspace
        </Button>
      </form>
    </Card>
  );
}
