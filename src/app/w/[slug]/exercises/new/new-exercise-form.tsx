"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormErrors } from "@/components/errors";
import { toast } from "@/components/toast";
import { Alert, Button, Card, Field, Input, PageHeader, Select, Skeleton } from "@/components/ui";
import { useAction } from "@/trpc/action";
import { useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";

const schemas = () => import("@/schemas/exercise");

type Ref = { include: boolean; rating: 1 | 2 | 3 | 4; reason: string };
const area = "block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300";

/** "label | url" per line → links; lines without a label use the address as one. */
function parseLinks(text: string) {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [label, url] = line.includes("|") ? line.split("|", 2).map((x) => x.trim()) : [line, line];
      return { label: label || url!, url: url! };
    });
}

export function NewExerciseForm({
  workspaceId,
  slug,
  served,
}: {
  workspaceId: string;
  slug: string;
  /** The round types with a kit, rendered by the server. */
  served: Served<{ workspaceId: string }, RouterOutputs["kit"]["list"]> | null;
}) {
  const router = useRouter();
  const kits = useLightQuery((api) => api.kit.list.query, { workspaceId }, served);
  const [roundTypeId, setRoundTypeId] = useState("");
  // The chosen round type's kit (its signals), read once one is chosen.
  const kit = useLightQuery((api) => api.kit.get.query, { workspaceId, roundTypeId }, null, {
    enabled: roundTypeId !== "",
  });
  const { errors, validate, onServerError } = useFormErrors(schemas);
  const create = useAction((api) => api.exercise.create.mutate, {
    onSuccess: () => {
      toast.success("Exercise published");
      router.push(`/w/${slug}/exercises`);
    },
    onError: onServerError,
  });
  const [title, setTitle] = useState("");
  const [prompt, setPrompt] = useState("");
  const [transcript, setTranscript] = useState("");
  const [links, setLinks] = useState("");
  const [refs, setRefs] = useState<Record<string, Ref>>({});
  const [maxMean, setMaxMean] = useState("0.5");
  const [failAt, setFailAt] = useState("2");
  const [recur, setRecur] = useState("180");
  const [drift, setDrift] = useState("0.4");

  if (kits.isPending) return <Skeleton rows={6} />;
  const signals = kit.data?.signals ?? [];
  const refOf = (key: string): Ref => refs[key] ?? { include: true, rating: 3, reason: "" };

  const save = async () => {
    const values = await validate((s) => s.CreateExerciseInput, {
      workspaceId,
      roundTypeId,
      title,
      prompt,
      transcript,
      links: parseLinks(links),
      reference: Object.fromEntries(
        signals
          .filter((s) => refOf(s.key).include)
          .map((s) => [s.key, { rating: refOf(s.key).rating, reason: refOf(s.key).reason }]),
      ),
      maxMeanDifference: Number(maxMean),
      failAtDifference: Number(failAt),
      recurDays: recur.trim() ? Number(recur) : null,
      driftThreshold: drift.trim() ? Number(drift) : null,
    });
    if (!values) return;
    create.mutate(values);
  };

  return (
    <>
      <PageHeader
        title="New calibration exercise"
        description="Write out an answer, then rate it as the reference: interviewers rate it blind and compare with you."
      />
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Card title="The case">
          <div className="space-y-3">
            <Field label="Round type" htmlFor="ex-round-type" error={errors.roundTypeId}>
              <Select id="ex-round-type" value={roundTypeId} onChange={(e) => setRoundTypeId(e.target.value)}>
                <option value="">Choose a round type with a published rubric</option>
                {(kits.data ?? []).map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Title" htmlFor="ex-title" error={errors.title}>
              <Input id="ex-title" value={title} onChange={(e) => setTitle(e.target.value)} />
            </Field>
            <Field label="What the candidate was asked" htmlFor="ex-prompt" error={errors.prompt}>
              <textarea
                id="ex-prompt"
                rows={2}
                className={area}
                value={prompt}
                onChange={(e) => setPrompt(e.target.value)}
              />
            </Field>
            <Field label="The answer: transcript or notes" htmlFor="ex-transcript" error={errors.transcript}>
              <textarea
                id="ex-transcript"
                rows={10}
                className={area}
                value={transcript}
                onChange={(e) => setTranscript(e.target.value)}
              />
            </Field>
            <Field
              label="Attachments as links (optional)"
              htmlFor="ex-links"
              hint="One per line: label | https://…"
              error={errors.links}
            >
              <textarea
                id="ex-links"
                rows={2}
                className={area}
                value={links}
                onChange={(e) => setLinks(e.target.value)}
              />
            </Field>
          </div>
        </Card>
        {roundTypeId && kit.isPending && <Skeleton rows={4} />}
        {kit.isError && <Alert>{kit.error.message}</Alert>}
        {signals.length > 0 && (
          <Card
            title="Reference ratings"
            description={`Against ${kit.data!.rubric.name}, version ${kit.data!.rubric.version}. Untick a signal the answer does not show.`}
          >
            {errors.reference && <Alert className="mb-2">{errors.reference}</Alert>}
            <ul className="divide-y divide-slate-100">
              {signals.map((s) => {
                const r = refOf(s.key);
                const set = (patch: Partial<Ref>) => setRefs((all) => ({ ...all, [s.key]: { ...r, ...patch } }));
                return (
                  <li key={s.key} className="grid gap-2 py-3 sm:grid-cols-[14rem_8rem_1fr]">
                    <label className="flex items-start gap-2 text-sm font-medium">
                      <input
                        type="checkbox"
                        className="mt-1 size-4"
                        checked={r.include}
                        onChange={(e) => set({ include: e.target.checked })}
                      />
                      {s.title}
                    </label>
                    <Select
                      aria-label={`Reference rating for ${s.title}`}
                      value={r.rating}
                      disabled={!r.include}
                      onChange={(e) => set({ rating: Number(e.target.value) as Ref["rating"] })}
                    >
                      {[1, 2, 3, 4].map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </Select>
                    <textarea
                      aria-label={`Why ${s.title} gets this rating`}
                      rows={2}
                      className={area}
                      disabled={!r.include}
                      placeholder="Why: what in the answer shows it"
                      value={r.reason}
                      onChange={(e) => set({ reason: e.target.value })}
                    />
                  </li>
                );
              })}
            </ul>
          </Card>
        )}
        <Card title="Passing, recurrence and drift">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Pass at an average difference of at most" htmlFor="ex-mean" error={errors.maxMeanDifference}>
              <Input id="ex-mean" inputMode="decimal" value={maxMean} onChange={(e) => setMaxMean(e.target.value)} />
            </Field>
            <Field label="Fail when a signal is off by" htmlFor="ex-fail" error={errors.failAtDifference}>
              <Input id="ex-fail" inputMode="numeric" value={failAt} onChange={(e) => setFailAt(e.target.value)} />
            </Field>
            <Field label="Due again after (days; empty: once)" htmlFor="ex-recur" error={errors.recurDays}>
              <Input id="ex-recur" inputMode="numeric" value={recur} onChange={(e) => setRecur(e.target.value)} />
            </Field>
            <Field
              label="Suggest when severity drifts by (points; empty: never)"
              htmlFor="ex-drift"
              error={errors.driftThreshold}
            >
              <Input id="ex-drift" inputMode="decimal" value={drift} onChange={(e) => setDrift(e.target.value)} />
            </Field>
          </div>
        </Card>
        <Button type="submit" busy={create.isPending}>
          Publish exercise
        </Button>
      </form>
    </>
  );
}
