"use client";

import { useState } from "react";
import { toast } from "@/components/toast";
import { useFormErrors } from "@/components/errors";
import { Alert, Button, Card, Field, Input } from "@/components/ui";
import { useAction } from "@/trpc/action";

const schemas = () => import("@/schemas/library");

/** Publishes the draft as the next version with a summary of what changed; waits while any signal has unsaved edits. */
export function PublishForm({
  workspaceId,
  rubricId,
  version,
  onPublished,
  unsaved,
}: {
  workspaceId: string;
  rubricId: string;
  version: number;
  onPublished: () => void;
  unsaved: Record<string, string>;
}) {
  const pending = Object.entries(unsaved);
  const [summary, setSummary] = useState("");
  const { errors, validate, onServerError } = useFormErrors(schemas);
  const publish = useAction((api) => api.rubric.publish.mutate, {
    onSuccess: (r) => {
      toast.success(`Published version ${r.version}`);
      onPublished();
    },
    onError: onServerError,
  });
  async function submit() {
    const input = await validate((s) => s.PublishRubricInput, { workspaceId, rubricId, changeSummary: summary });
    if (input) publish.mutate(input);
  }
  return (
    <Card
      className="mt-6"
      title={`Publish version ${version}`}
      description="Publishing freezes this version: new scorecards use it, and nobody can change it afterwards."
    >
      <form
        noValidate
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          // Never publish past unsaved edits: they would silently be left out of the frozen version.
          if (pending.length > 0) {
            document.getElementById(`sig-${pending[0]![0]}-title`)?.focus();
            return;
          }
          void submit();
        }}
      >
        {pending.length > 0 && (
          <Alert tone="warning" boxed className="w-full" data-testid="publish-blocked">
            Save or undo your changes first, or they would be left out of version {version}:{" "}
            {pending.map(([id, title], i) => (
              <span key={id}>
                {i > 0 && ", "}
                <a className="font-medium underline" href={`#signal-card-${id}`}>
                  {title}
                </a>
              </span>
            ))}
            .
          </Alert>
        )}
        <div className="min-w-64 flex-1">
          <Field label="What changed" htmlFor="change-summary" error={errors.changeSummary}>
            <Input
              id="change-summary"
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
              invalid={!!errors.changeSummary}
              placeholder="Sharpened the anchors of the testing signal"
            />
          </Field>
        </div>
        <Button type="submit" busy={publish.isPending}>
          Publish
        </Button>
      </form>
    </Card>
  );
}
