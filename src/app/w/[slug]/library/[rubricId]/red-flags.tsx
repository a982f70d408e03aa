"use client";

import { useState } from "react";
import { toast } from "@/components/toast";
import { Button, Card, EmptyState, Field, Input } from "@/components/ui";
import { useAction } from "@/trpc/action";

/** The rubric's red flags: listed, and in a draft added or removed. */
export function RedFlags({
  workspaceId,
  rubricId,
  flags,
  editable,
  onSaved,
}: {
  workspaceId: string;
  rubricId: string;
  flags: { id: string; title: string; description: string }[];
  editable: boolean;
  onSaved: () => void;
}) {
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const save = useAction((api) => api.rubric.saveRedFlag.mutate, {
    onSuccess: () => {
      setTitle("");
      setDescription("");
      toast.success("Red flag added");
      onSaved();
    },
  });
  const remove = useAction((api) => api.rubric.removeRedFlag.mutate, { onSuccess: onSaved });
  return (
    <Card
      className="mt-6"
      title="Red flags"
      description="The checklist an interviewer ticks when they see one of these."
    >
      {flags.length === 0 ? (
        <EmptyState title="No red flags" />
      ) : (
        <ul className="divide-y divide-slate-100">
          {flags.map((f) => (
            <li key={f.id} className="flex items-start justify-between gap-3 py-2 text-sm">
              <span>
                <span className="font-medium">{f.title}</span>
                <span className="block text-slate-600">{f.description}</span>
              </span>
              {editable && (
                <Button
                  variant="ghost"
                  onClick={() => remove.mutate({ workspaceId, rubricId, redFlagId: f.id })}
                  aria-label={`Remove red flag ${f.title}`}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          className="mt-4 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ workspaceId, rubricId, title, description });
          }}
        >
          <Field label="Red flag" htmlFor="flag-title">
            <Input id="flag-title" value={title} onChange={(e) => setTitle(e.target.value)} />
          </Field>
          <Field label="What it looks like" htmlFor="flag-desc">
            <Input id="flag-desc" value={description} onChange={(e) => setDescription(e.target.value)} />
          </Field>
          <Button type="submit" variant="secondary" busy={save.isPending}>
            Add red flag
          </Button>
        </form>
      )}
    </Card>
  );
}
