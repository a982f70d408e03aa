"use client";

import Link from "next/link";
import { useState } from "react";
import { SignalRatingCard } from "@/components/signal-rating";
import { LocalTime } from "@/components/time";
import { toast } from "@/components/toast";
import { Alert, Button, Card, PageHeader, Skeleton } from "@/components/ui";
import type { SignalAnswer } from "@/domain/scorecard";
import { useAction } from "@/trpc/action";
import { invalidate, useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { ComparisonView } from "./comparison-view";

type Answer = { rating: 1 | 2 | 3 | 4; evidence: string };

export function ExerciseForm({
  workspaceId,
  slug,
  exerciseId,
  served,
}: {
  workspaceId: string;
  slug: string;
  exerciseId: string;
  /** The exercise (and the viewer's latest result), rendered by the server. */
  served: Served<{ workspaceId: string; exerciseId: string }, RouterOutputs["exercise"]["get"]> | null;
}) {
  const exercise = useLightQuery((api) => api.exercise.get.query, { workspaceId, exerciseId }, served);
  const [ratings, setRatings] = useState<Record<string, SignalAnswer>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = useAction((api) => api.exercise.submit.mutate, {
    onSuccess: (r) => {
      toast.success(r.comparison.passed ? "Passed: see how you compare" : "Submitted: see how you compare");
      setRatings({});
      void invalidate("exercise.get");
    },
    onError: (err) => setError(err instanceof Error ? err.message : String(err)),
  });

  if (exercise.isPending) return <Skeleton rows={8} />;
  if (exercise.isError) return <Alert>{exercise.error.message}</Alert>;
  const d = exercise.data;
  const rated = d.signals.filter((s) => typeof ratings[s.key]?.rating === "number").length;
  const rating = d.mayAttempt;

  const send = () => {
    const missing = d.signals.filter((s) => typeof ratings[s.key]?.rating !== "number");
    if (missing.length) {
      setError(`Rate every signal before you submit: ${missing.map((s) => `“${s.title}”`).join(", ")}.`);
      document.getElementById(`rating-${missing[0]!.key}-1`)?.focus();
      return;
    }
    setError(null);
    const answers: Record<string, Answer> = Object.fromEntries(
      d.signals.map((s) => [
        s.key,
        { rating: ratings[s.key]!.rating as Answer["rating"], evidence: ratings[s.key]!.evidence },
      ]),
    );
    submit.mutate({ workspaceId, exerciseId, ratings: answers });
  };

  return (
    <>
      <PageHeader title={d.title} description={`${d.roundType} · practice case`} />
      <p className="-mt-4 mb-6 text-sm">
        <Link href={`/w/${slug}/exercises`} className="text-brand-700 underline">
          All exercises
        </Link>
      </p>
      {d.why && <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">{d.why}</p>}
      {d.result && (
        <section aria-labelledby="comparison-title" className="mb-8">
          <h2 id="comparison-title" className="mb-1 text-lg font-semibold">
            Your ratings beside the reference
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            Submitted <LocalTime value={d.result.submittedAt} />. Passing needs an average difference of at most{" "}
            {d.tolerance.maxMeanDifference} points and no signal {d.tolerance.failAtDifference} or more points off.
          </p>
          <ComparisonView signals={d.signals} comparison={d.result.comparison} />
        </section>
      )}
      <Card title="The question" className="mb-4">
        <p className="text-sm whitespace-pre-line text-slate-800">{d.prompt}</p>
      </Card>
      <Card title="The answer (transcript or notes)" className="mb-4">
        <p className="text-sm whitespace-pre-line text-slate-800" data-testid="transcript">
          {d.transcript}
        </p>
        {d.links.length > 0 && (
          <ul className="mt-3 list-disc pl-5 text-sm">
            {d.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} className="text-brand-700 underline" target="_blank" rel="noreferrer noopener">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {rating ? (
        <form
          className="space-y-4"
          aria-label="Rate the case"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <p className="text-sm text-slate-700">
            Rate it as you would in a round. The reference and the panel's ratings appear after you submit.
          </p>
          {d.signals.map((s) => (
            <SignalRatingCard
              key={s.key}
              signal={s}
              answer={ratings[s.key]}
              allowNotObserved={false}
              evidenceLabel="Evidence (optional: what in the answer made you choose it)"
              onChange={(patch) =>
                setRatings((r) => ({
                  ...r,
                  [s.key]: { rating: r[s.key]?.rating ?? null, evidence: r[s.key]?.evidence ?? "", ...patch },
                }))
              }
            />
          ))}
          {error && (
            <Alert tone="warning" boxed>
              {error}
            </Alert>
          )}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" busy={submit.isPending}>
              Submit ratings
            </Button>
            <span className="text-sm text-slate-600" data-testid="progress">
              {rated} of {d.signals.length} signals rated
            </span>
          </div>
        </form>
      ) : (
        !d.result && <p className="text-sm text-slate-600">This exercise takes no more ratings.</p>
      )}
    </>
  );
}
