"use client";

import { useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { Alert, Badge, Button, Card, ChoiceSelect, Field, Input, Select, Skeleton } from "@/components/ui";
import { LEVELS } from "@/domain/vocabulary";
import type { TemplateRound } from "@/schemas/loop";
import { useAction } from "@/trpc/action";
import { invalidate, useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";

type Template = {
  id: string;
  name: string;
  description: string;
  level: (typeof LEVELS)[number];
  maxDays: number;
  breakMin: number;
  dimensionWeights: Record<string, number>;
  rounds: (TemplateRound & { roundTypeName: string })[];
};

export function TemplateManager({
  workspaceId,
  canManage,
  served,
}: {
  workspaceId: string;
  canManage: boolean;
  /** The templates, rendered by the server. */
  served: Served<{ workspaceId: string }, RouterOutputs["loop"]["templates"]> | null;
}) {
  const templates = useLightQuery((api) => api.loop.templates.query, { workspaceId }, served);
  const [editing, setEditing] = useState<Template | "new" | null>(null);
  if (templates.isPending) return <Skeleton rows={5} />;
  if (templates.isError) return <Alert>{templates.error.message}</Alert>;
  return (
    <div className="space-y-4">
      {canManage && !editing && <Button onClick={() => setEditing("new")}>New template</Button>}
      {editing && (
        <TemplateForm
          key={editing === "new" ? "new" : editing.id}
          workspaceId={workspaceId}
          template={editing === "new" ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {templates.data.map((t) => (
          <Card
            key={t.id}
            title={t.name}
            description={`${t.level} · ${t.rounds.reduce((n, r) => n + r.durationMin, 0)} minutes in ${t.rounds.length} rounds · ${t.maxDays === 1 ? "one sitting" : `over up to ${t.maxDays} days`} · ${t.breakMin} min breaks`}
            actions={
              canManage && (
                <Button variant="ghost" onClick={() => setEditing(t)} aria-label={`Edit ${t.name}`}>
                  Edit
                </Button>
              )
            }
          >
            <p className="text-sm text-slate-700">{t.description}</p>
            <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm">
              {t.rounds.map((r, i) => (
                <li key={i}>
                  {r.roundTypeName} · {r.durationMin} min
                  {r.questionId ? " · fixed question" : ""}
                  {r.poolMemberIds?.length ? ` · pool of ${r.poolMemberIds.length}` : ""}
                </li>
              ))}
            </ol>
            {Object.entries(t.dimensionWeights).some(([, w]) => w !== 1) && (
              <p className="mt-3 flex flex-wrap gap-1">
                {Object.entries(t.dimensionWeights)
                  .filter(([, w]) => w !== 1)
                  .map(([d, w]) => (
                    <Badge key={d} tone={w > 1 ? "green" : "gray"}>
                      {d} ×{w}
                    </Badge>
                  ))}
              </p>
            )}
          </Card>
        ))}
      </div>
    </div>
  );
}

function TemplateForm({
  workspaceId,
  template,
  onDone,
}: {
  workspaceId: string;
  template: Template | null;
  onDone: () => void;
}) {
  // What the rounds choose from, read when the editor opens.
  const library = useLightQuery((api) => api.library.list.query, { workspaceId, includeArchived: false });
  const interviewers = useLightQuery((api) => api.schedule.interviewers.query, { workspaceId });
  const questions = useLightQuery((api) => api.question.list.query, { workspaceId, includeArchived: false });
  const [name, setName] = useState(template?.name ?? "");
  const [description, setDescription] = useState(template?.description ?? "");
  const [level, setLevel] = useState<(typeof LEVELS)[number]>(template?.level ?? "mid");
  const [maxDays, setMaxDays] = useState(template?.maxDays ?? 1);
  const [breakMin, setBreakMin] = useState(template?.breakMin ?? 15);
  const [rounds, setRounds] = useState<TemplateRound[]>(
    template?.rounds.map(({ roundTypeKey, durationMin, questionId, poolMemberIds }) => ({
      roundTypeKey,
      durationMin,
      questionId,
      poolMemberIds,
    })) ?? [{ roundTypeKey: "coding", durationMin: 60 }],
  );
  const [error, setError] = useState<string | null>(null);
  const save = useAction((api) => api.loop.saveTemplate.mutate, {
    onSuccess: () => {
      toast.success(`Saved ${name}`);
      void invalidate("loop.templates");
      onDone();
    },
    errorToast: false,
    onError: (err) => setError(err instanceof Error ? err.message : String(err)),
  });
  const update = (i: number, patch: Partial<TemplateRound>) =>
    setRounds(rounds.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const roundTypes = library.data?.roundTypes ?? [];
  function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    save.mutate({ workspaceId, templateId: template?.id, name, description, level, rounds, maxDays, breakMin });
  }
  return (
    <Card title={template ? `Edit ${template.name}` : "New template"}>
      <form onSubmit={submit} className="space-y-4">
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Name" htmlFor="tpl-name">
            <Input id="tpl-name" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label="Description" htmlFor="tpl-desc">
            <Input id="tpl-desc" value={description} onChange={(e) => setDescription(e.target.value)} />
          </Field>
          <Field label="Level" htmlFor="tpl-level">
            <ChoiceSelect
              id="tpl-level"
              value={level}
              options={LEVELS}
              onChange={(value) => setLevel(value as (typeof LEVELS)[number])}
            />
          </Field>
          <Field label="Spread over up to (days)" htmlFor="tpl-days">
            <Input
              id="tpl-days"
              type="number"
              min={1}
              max={5}
              value={maxDays}
              onChange={(e) => setMaxDays(Math.max(1, Math.min(5, Number(e.target.value) || 1)))}
            />
          </Field>
          <Field label="Break between rounds (minutes)" htmlFor="tpl-break">
            <Input
              id="tpl-break"
              type="number"
              min={0}
              max={180}
              step={5}
              value={breakMin}
              onChange={(e) => setBreakMin(Math.max(0, Math.min(180, Number(e.target.value) || 0)))}
            />
          </Field>
        </div>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">Rounds, in order</legend>
          {rounds.map((r, i) => {
            const rt = roundTypes.find((x) => x.key === r.roundTypeKey);
            return (
              <div
                key={i}
                className="grid gap-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 md:grid-cols-[1fr_7rem_1fr_1fr_auto] md:items-end"
              >
                <Field label={`Round ${i + 1} type`} htmlFor={`tpl-r${i}-type`}>
                  <Select
                    id={`tpl-r${i}-type`}
                    value={r.roundTypeKey}
                    onChange={(e) => update(i, { roundTypeKey: e.target.value, questionId: null })}
                  >
                    {roundTypes.map((t) => (
                      <option key={t.key} value={t.key}>
                        {t.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Minutes" htmlFor={`tpl-r${i}-min`}>
                  <Input
                    id={`tpl-r${i}-min`}
                    type="number"
                    min={10}
                    max={240}
                    value={r.durationMin}
                    onChange={(e) => update(i, { durationMin: Number(e.target.value) })}
                  />
                </Field>
                <Field label="Default question" htmlFor={`tpl-r${i}-q`}>
                  <Select
                    id={`tpl-r${i}-q`}
                    value={r.questionId ?? ""}
                    onChange={(e) => update(i, { questionId: e.target.value || null })}
                  >
                    <option value="">Interviewer's choice</option>
                    {questions.data
                      ?.filter((q) => q.roundType.id === rt?.id)
                      .map((q) => (
                        <option key={q.id} value={q.id}>
                          {q.title}
                        </option>
                      ))}
                  </Select>
                </Field>
                <Field label="Interviewer pool" htmlFor={`tpl-r${i}-pool`} hint="None selected: anyone qualified">
                  <select
                    id={`tpl-r${i}-pool`}
                    multiple
                    className="block w-full rounded-md bg-white px-2 py-1 text-sm ring-1 ring-slate-300"
                    value={r.poolMemberIds ?? []}
                    onChange={(e) => update(i, { poolMemberIds: [...e.target.selectedOptions].map((o) => o.value) })}
                  >
                    {interviewers.data?.map((p) => (
                      <option key={p.memberId} value={p.memberId}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </Field>
                <div className="flex gap-1">
                  <Button
                    type="button"
                    variant="ghost"
                    disabled={i === 0}
                    onClick={() =>
                      setRounds(rounds.map((x, j) => (j === i - 1 ? rounds[i]! : j === i ? rounds[i - 1]! : x)))
                    }
                    aria-label={`Move round ${i + 1} up`}
                  >
                    ↑
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    disabled={rounds.length === 1}
                    onClick={() => setRounds(rounds.filter((_, j) => j !== i))}
                    aria-label={`Remove round ${i + 1}`}
                  >
                    ✕
                  </Button>
                </div>
              </div>
            );
          })}
          <Button
            type="button"
            variant="secondary"
            onClick={() => setRounds([...rounds, { roundTypeKey: roundTypes[0]?.key ?? "coding", durationMin: 60 }])}
          >
            Add round
          </Button>
        </fieldset>
        {error && <Alert>{error}</Alert>}
        <div className="flex gap-2">
          <Button type="submit" busy={save.isPending}>
            Save template
          </Button>
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
