"use client";

import Link from "next/link";
import { useDeferredValue, useState, type FormEvent } from "react";
import { useUrlState } from "@/components/url-state";
import { toast } from "@/components/toast";
import { useFormErrors } from "@/components/errors";
import { Alert, Badge, Button, Card, ChoiceSelect, EmptyState, Field, Input, Select, Skeleton } from "@/components/ui";
import { LEVELS, type Level } from "@/domain/vocabulary";
import { DIFFICULTIES, QUESTION_SORTS } from "@/schemas/values";
import { useAction } from "@/trpc/action";
import { invalidate, useLightPages, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { questionPageInput, type QuestionParams, type QuestionSort } from "./list-input";

const schemas = () => import("@/schemas/library");

type QuestionPage = RouterOutputs["question"]["page"];
type Question = QuestionPage["items"][number];
/** The first page for the filters in the URL, rendered by the server. */
export type ServedQuestions = Served<ReturnType<typeof questionPageInput>, QuestionPage>;
const SORT_LABEL: Record<QuestionSort, string> = { roundType: "Round type", title: "Title", newest: "Newest first" };

/** The question bank a page at a time, filtered and sorted on the server; the last list shows while the next loads. */
function useQuestions(workspaceId: string, params: QuestionParams, served: ServedQuestions | null) {
  return useLightPages((api) => api.question.page.query, questionPageInput(workspaceId, params), served, {
    keepPrevious: true,
  });
}

export function QuestionBank({
  workspaceId,
  slug,
  canEdit,
  roundTypes,
  served,
}: {
  workspaceId: string;
  slug: string;
  canEdit: boolean;
  /** The workspace's round types (not archived), for the filter and the form. */
  roundTypes: { id: string; name: string }[];
  served: ServedQuestions | null;
}) {
  // Filters and order live in the URL, so a reload or a shared link keeps them.
  const [roundTypeId, setRoundTypeId] = useUrlState("roundType");
  const [signalKey, setSignalKey] = useUrlState("signal");
  const [level, setLevel] = useUrlState("level");
  const [search, setSearch] = useUrlState("q");
  const [sort, setSort] = useUrlState("sort", "roundType");
  const deferredSearch = useDeferredValue(search);
  const [editing, setEditing] = useState<Question | "new" | null>(null);
  const questions = useQuestions(
    workspaceId,
    { roundType: roundTypeId, signal: signalKey, level, q: deferredSearch, sort },
    served,
  );
  const first = questions.data?.pages[0];
  const items = questions.data?.pages.flatMap((p) => p.items) ?? [];
  const total = first?.total ?? items.length;
  const signalOptions = first?.signalKeys ?? (signalKey ? [signalKey] : []);

  return (
    <div className="space-y-4">
      <form
        role="search"
        aria-label="Filter questions"
        className="grid gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-5"
        onSubmit={(e) => e.preventDefault()}
      >
        <Field label="Search" htmlFor="q-search">
          <Input
            id="q-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="rate limiter, incident…"
          />
        </Field>
        <Field label="Round type" htmlFor="q-round">
          <Select
            id="q-round"
            value={roundTypeId}
            onChange={(e) => {
              setRoundTypeId(e.target.value);
              setSignalKey("");
            }}
          >
            <option value="">All round types</option>
            {roundTypes.map((rt) => (
              <option key={rt.id} value={rt.id}>
                {rt.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Signal" htmlFor="q-signal">
          <Select id="q-signal" value={signalKey} onChange={(e) => setSignalKey(e.target.value)}>
            <option value="">All signals</option>
            {signalOptions.map((k) => (
              <option key={k} value={k}>
                {k.replace(/-/g, " ")}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Level" htmlFor="q-level">
          <ChoiceSelect
            id="q-level"
            value={level}
            options={LEVELS}
            allLabel="All levels"
            onChange={(value) => setLevel(value)}
          />
        </Field>
        <Field label="Sort by" htmlFor="q-sort">
          <Select id="q-sort" value={sort} onChange={(e) => setSort(e.target.value)}>
            {QUESTION_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABEL[s]}
              </option>
            ))}
          </Select>
        </Field>
      </form>

      <div className="flex items-center justify-between">
        <p className="text-sm text-slate-600" aria-live="polite" data-testid="question-count">
          {questions.data
            ? items.length === total
              ? `${total} question${total === 1 ? "" : "s"}`
              : `${items.length} of ${total} questions`
            : ""}
        </p>
        {canEdit && <Button onClick={() => setEditing("new")}>New question</Button>}
      </div>

      {editing && (
        <QuestionForm
          key={editing === "new" ? "new" : editing.id}
          workspaceId={workspaceId}
          question={editing === "new" ? null : editing}
          roundTypes={roundTypes}
          onDone={() => setEditing(null)}
        />
      )}

      {questions.isPending ? (
        <Skeleton rows={6} />
      ) : questions.isError ? (
        <Alert>{questions.error.message}</Alert>
      ) : items.length === 0 ? (
        <EmptyState title="No questions match">Clear a filter or search for something else.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map((q) => (
            <li key={q.id} data-testid="question-row">
              <Card>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <h2 className="font-semibold">{q.title}</h2>
                    <p className="text-xs text-slate-600">{q.roundType.name}</p>
                  </div>
                  <div className="flex flex-wrap gap-1">
                    {q.levels.map((l) => (
                      <Badge key={l}>{l}</Badge>
                    ))}
                    <Badge tone="blue">{q.difficulty}</Badge>
                  </div>
                </div>
                <p className="mt-2 text-sm text-slate-800">{q.prompt}</p>
                <p className="mt-2 text-sm text-slate-600">
                  <span className="font-medium">Probes:</span> {q.probes}
                </p>
                <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
                  <Link
                    className="font-medium text-brand-700 hover:underline"
                    href={`/w/${slug}/kits/${q.roundType.id}?question=${q.id}`}
                  >
                    Open kit
                  </Link>
                  {canEdit && (
                    <button
                      type="button"
                      className="font-medium text-brand-700 hover:underline"
                      onClick={() => setEditing(q)}
                    >
                      Edit <span className="sr-only">{q.title}</span>
                    </button>
                  )}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {questions.hasNextPage && (
        <Button variant="secondary" busy={questions.isFetchingNextPage} onClick={() => void questions.fetchNextPage()}>
          Show more ({total - items.length} more)
        </Button>
      )}
    </div>
  );
}

function QuestionForm({
  workspaceId,
  question,
  roundTypes,
  onDone,
}: {
  workspaceId: string;
  question: Question | null;
  roundTypes: { id: string; name: string }[];
  onDone: () => void;
}) {
  const [roundTypeId, setRoundTypeId] = useState(question?.roundType.id ?? roundTypes[0]?.id ?? "");
  const [title, setTitle] = useState(question?.title ?? "");
  const [prompt, setPrompt] = useState(question?.prompt ?? "");
  const [probes, setProbes] = useState(question?.probes ?? "");
  const [followUps, setFollowUps] = useState((question?.followUps ?? []).join("\n"));
  const [signals, setSignals] = useState((question?.signalKeys ?? []).join(", "));
  const [levels, setLevels] = useState<Level[]>(question?.levels ?? ["mid"]);
  const [difficulty, setDifficulty] = useState<(typeof DIFFICULTIES)[number]>(question?.difficulty ?? "medium");
  const { errors, validate, onServerError } = useFormErrors(schemas);
  const save = useAction((api) => api.question.save.mutate, {
    onSuccess: (q) => {
      toast.success(question ? `Saved "${q.title}"` : `Added "${q.title}"`);
      void invalidate("question");
      onDone();
    },
    onError: onServerError,
  });
  const archive = useAction((api) => api.question.archive.mutate, {
    onSuccess: () => {
      toast.success("Question archived");
      void invalidate("question");
      onDone();
    },
  });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = await validate((s) => s.SaveQuestionInput, {
      workspaceId,
      questionId: question?.id,
      roundTypeId,
      title,
      prompt,
      probes,
      followUps: followUps
        .split("\n")
        .map((f) => f.trim())
        .filter(Boolean),
      signalKeys: signals
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      levels,
      difficulty,
    });
    if (input) save.mutate(input);
  }
  return (
    <Card title={question ? `Edit "${question.title}"` : "New question"}>
      <form onSubmit={(e) => void submit(e)} noValidate className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Title" htmlFor="qf-title" error={errors.title}>
            <Input id="qf-title" value={title} onChange={(e) => setTitle(e.target.value)} invalid={!!errors.title} />
          </Field>
          <Field label="Round type" htmlFor="qf-round" error={errors.roundTypeId}>
            <Select id="qf-round" value={roundTypeId} onChange={(e) => setRoundTypeId(e.target.value)}>
              {roundTypes.map((rt) => (
                <option key={rt.id} value={rt.id}>
                  {rt.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="Prompt (what you read to the candidate)" htmlFor="qf-prompt" error={errors.prompt}>
          <textarea
            id="qf-prompt"
            rows={3}
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
            className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
          />
        </Field>
        <Field label="What it probes" htmlFor="qf-probes" error={errors.probes}>
          <Input id="qf-probes" value={probes} onChange={(e) => setProbes(e.target.value)} invalid={!!errors.probes} />
        </Field>
        <Field label="Follow-ups (one per line)" htmlFor="qf-follow" error={errors.followUps}>
          <textarea
            id="qf-follow"
            rows={3}
            value={followUps}
            onChange={(e) => setFollowUps(e.target.value)}
            className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
          />
        </Field>
        <Field
          label="Signals it probes (keys, comma-separated)"
          htmlFor="qf-signals"
          error={errors.signalKeys}
          hint="Signal keys of the round type's rubric, e.g. clarifies-requirements, tests-edge-cases"
        >
          <Input
            id="qf-signals"
            value={signals}
            onChange={(e) => setSignals(e.target.value)}
            invalid={!!errors.signalKeys}
          />
        </Field>
        <div className="flex flex-wrap gap-6">
          <fieldset>
            <legend className="text-sm font-medium">Levels</legend>
            <div className="mt-1 flex gap-3">
              {LEVELS.map((l) => (
                <label key={l} className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={levels.includes(l)}
                    onChange={(e) => setLevels(e.target.checked ? [...levels, l] : levels.filter((x) => x !== l))}
                  />
                  {l}
                </label>
              ))}
            </div>
            {errors.levels && <Alert>{errors.levels}</Alert>}
          </fieldset>
          <Field label="Difficulty" htmlFor="qf-difficulty">
            <ChoiceSelect
              id="qf-difficulty"
              value={difficulty}
              options={DIFFICULTIES}
              onChange={(value) => setDifficulty(value as (typeof DIFFICULTIES)[number])}
            />
          </Field>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={save.isPending}>
            {question ? "Save question" : "Add question"}
          </Button>
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
          {question && (
            <Button
              type="button"
              variant="danger"
              busy={archive.isPending}
              onClick={() => archive.mutate({ workspaceId, questionId: question.id, archived: true })}
            >
              Archive
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}
