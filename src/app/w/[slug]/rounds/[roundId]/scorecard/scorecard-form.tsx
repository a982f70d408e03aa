"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { useAutosave, type SaveState } from "@/components/autosave";
import { useReplayed, type Opened } from "@/components/opened";
import { toast } from "@/components/toast";
import { SignalRatingCard } from "@/components/signal-rating";
import { focusField, MissingFieldList } from "./missing-fields";
import { LocalTime } from "@/components/time";
import { Alert, Badge, Button, Card, Checkbox, PageHeader, Skeleton, Textarea, cx } from "@/components/ui";
import { missingFields, type MissingField, type Recommendation, type SignalAnswer } from "@/domain/scorecard";
import { RECOMMENDATION_LABEL } from "@/domain/vocabulary";
import { RECOMMENDATIONS } from "@/domain/vocabulary";
import { useAction } from "@/trpc/action";
import type { RouterOutputs } from "@/trpc/types";
// Autosave needs each save's answer as a promise (createAutosave orders the saves and carries the versions):
// it calls the tRPC client useAction sends through, which the form's actions fetch once it has mounted.
import { loadApiClient as actionClient } from "@/trpc/load-client";

const REC_LABEL = RECOMMENDATION_LABEL;
const AUTOSAVE_MS = 800;

/** What the interviewer edits; autosave sends all of it each time. */
type Draft = {
  ratings: Record<string, SignalAnswer>;
  redFlagKeys: string[];
  recommendation: Recommendation | null;
  summary: string;
};
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
const EMPTY_DRAFT: Draft = { ratings: {}, redFlagKeys: [], recommendation: null, summary: "" };

type OpenedCard = RouterOutputs["scorecard"]["open"];
const draftOf = (d: OpenedCard): Draft => ({
  ratings: d.scorecard.ratings,
  redFlagKeys: d.scorecard.redFlagKeys,
  recommendation: d.scorecard.recommendation,
  summary: d.scorecard.summary,
});
/** The indicator of a card as opened: "Saved <when>" once anything was saved. */
const savedStateOf = (d: OpenedCard): SaveState =>
  d.scorecard.version > 1 ? { kind: "saved", at: new Date(d.scorecard.updatedAt) } : { kind: "idle" };

export function ScorecardForm({
  workspaceId,
  slug,
  roundId,
  opened,
}: {
  workspaceId: string;
  slug: string;
  roundId: string;
  /** The card as the server opened it while rendering the page. */
  opened: Opened<OpenedCard>;
}) {
  // Shown before (back/forward): the card may have been saved since, so it is opened again.
  const replayed = useReplayed(opened.render);
  const first = replayed ? null : opened;
  const [card, setCard] = useState<{ data: OpenedCard } | { error: string } | null>(
    first ? (first.ok ? { data: first.data } : { error: first.message }) : null,
  );
  const [revising, setRevising] = useState(false);
  const [reason, setReason] = useState("");
  const [draft, setDraft] = useState<Draft>(() => (first?.ok ? draftOf(first.data) : EMPTY_DRAFT));
  const { ratings, redFlagKeys: redFlags, recommendation, summary } = draft;
  const [status, setStatus] = useState<"draft" | "submitted">(first?.ok ? first.data.scorecard.status : "draft");
  const [missing, setMissing] = useState<string | null>(null);
  const [missingList, setMissingList] = useState<MissingField[]>([]);
  const [confirming, setConfirming] = useState(false);
  // A short pause after the last change saves the draft, naming the version it edited.
  const autosave = useAutosave<Draft>(
    AUTOSAVE_MS,
    (value, expectedVersion) =>
      actionClient().then((client) =>
        client.scorecard.save.mutate({ workspaceId, roundId, expectedVersion, ...value }),
      ),
    first?.ok ? { version: first.data.scorecard.version, state: savedStateOf(first.data) } : undefined,
  );
  const { reset: resetAutosave } = autosave;
  const saveState = autosave.state;
  const version = autosave.version;
  // A failed save's message stays up while it is sent again: pressing "Reload the latest version" moves focus
  // out of the field, which sends the failed save again, and the button must still be there when the click lands.
  const [saveError, setSaveError] = useState<string | null>(null);
  const shownError = saveState.kind === "error" ? saveState.message : saveState.kind === "saving" ? saveError : null;
  if (shownError !== saveError) setSaveError(shownError);
  // Each shows its errors in place (the form, the save state, the submit message): no toast.
  const submit = useAction((api) => api.scorecard.submit.mutate, {
    errorToast: false,
    onSuccess: (saved) => {
      setStatus("submitted");
      resetAutosave(saved.version, saveState);
      setMissing(null);
      setConfirming(false);
      toast.success("Scorecard submitted");
    },
    onError: (err) => {
      setMissing(messageOf(err));
      setConfirming(false);
    },
  });
  const revise = useAction((api) => api.scorecard.revise.mutate, {
    errorToast: false,
    onSuccess: (saved) => {
      resetAutosave(saved.version, saveState);
      setRevising(false);
      setReason("");
      setMissing(null);
      toast.success("Revision saved");
    },
    onError: (err) => setMissing(messageOf(err)),
  });

  // Opening again (the latest version after a conflict, a cancelled revision, a replayed page) replaces the form.
  const reopen = useAction((api) => api.scorecard.open.mutate, {
    errorToast: false,
    onSuccess: (d) => {
      setCard({ data: d });
      setDraft(draftOf(d));
      setStatus(d.scorecard.status);
      resetAutosave(d.scorecard.version, savedStateOf(d));
    },
    onError: (err) => setCard({ error: messageOf(err) }),
  });
  const { mutate: openCard } = reopen;
  const load = useCallback(() => openCard({ workspaceId, roundId }), [openCard, workspaceId, roundId]);
  useEffect(() => {
    if (replayed) load();
  }, [replayed, load]);

  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (status === "draft") autosave.edit(next);
  };
  const setAnswer = (key: string, patch: Partial<SignalAnswer>) =>
    change({
      ratings: {
        ...ratings,
        [key]: { rating: ratings[key]?.rating ?? null, evidence: ratings[key]?.evidence ?? "", ...patch },
      },
    });

  if (reopen.isPending || !card) return <Skeleton rows={8} />;
  if ("error" in card) return <Alert>{card.error}</Alert>;
  const d = card.data;
  const locked = status === "submitted" && !revising;
  // Once asked for, the list of what is missing shrinks as the interviewer fills it in.
  const shownMissing =
    missingList.length > 0 ? missingFields(d.rubric.signals, { ratings, recommendation, summary }) : [];

  return (
    <>
      <PageHeader
        title={`Scorecard: ${d.round.roundType.name}`}
        description={`Rubric version ${d.rubric.version}${d.round.question ? ` · question: ${d.round.question.title}` : ""}`}
      />
      {d.round.startsAt && (
        <p className="-mt-4 mb-6 text-sm text-slate-600">
          Round on <LocalTime value={d.round.startsAt} /> ·{" "}
          <Link
            className="text-brand-700 underline"
            href={`/w/${slug}/kits/${d.round.roundType.id}${d.round.question ? `?question=${d.round.question.id}` : ""}`}
          >
            open the kit
          </Link>
        </p>
      )}
      {saveError !== null && (
        <Alert boxed className="mb-4">
          {saveError}{" "}
          <button type="button" className="font-medium underline" onClick={load}>
            Reload the latest version
          </button>
        </Alert>
      )}
      {/* Leaving a field saves at once rather than after the pause. */}
      <fieldset disabled={locked} className="space-y-4" onBlur={autosave.flush}>
        <legend className="sr-only">Signals</legend>
        {d.rubric.signals.map((s) => (
          <SignalRatingCard
            key={s.key}
            signal={s}
            answer={ratings[s.key]}
            onChange={(patch) => setAnswer(s.key, patch)}
          />
        ))}
        <Card title="Red flags">
          <div className="space-y-1">
            {d.rubric.redFlags.map((f) => (
              <Checkbox
                key={f.key}
                alignTop
                label={
                  <span>
                    <span className="font-medium">{f.title}.</span> {f.description}
                  </span>
                }
                checked={redFlags.includes(f.key)}
                onChange={(e) =>
                  change({
                    redFlagKeys: e.target.checked ? [...redFlags, f.key] : redFlags.filter((k) => k !== f.key),
                  })
                }
              />
            ))}
          </div>
        </Card>
        <Card title="Overall">
          <div role="radiogroup" aria-label="Overall recommendation" className="flex flex-wrap gap-2">
            {RECOMMENDATIONS.map((r, i) => (
              <label
                key={r}
                className={cx(
                  "cursor-pointer rounded-md px-3 py-2 text-sm ring-1",
                  recommendation === r ? "bg-brand-50 ring-brand-600" : "ring-slate-300",
                )}
              >
                <input
                  type="radio"
                  id={i === 0 ? "recommendation-first" : undefined}
                  className="mr-1"
                  name="recommendation"
                  checked={recommendation === r}
                  onChange={() => change({ recommendation: r })}
                />
                {REC_LABEL[r]}
              </label>
            ))}
          </div>
          <label className="mt-3 block text-sm font-medium" htmlFor="summary">
            Summary
          </label>
          <Textarea
            id="summary"
            rows={4}
            className="mt-1"
            value={summary}
            onChange={(e) => change({ summary: e.target.value })}
          />
        </Card>
      </fieldset>
      {status === "draft" && (
        // Sticky: the save state, the progress and Submit stay in view however long the form is.
        <div
          className="sticky bottom-0 z-10 -mx-6 mt-6 border-t border-slate-200 bg-white/95 px-6 py-3 shadow-[0_-2px_6px_rgba(15,23,42,0.06)] backdrop-blur"
          data-testid="scorecard-bar"
        >
          <MissingFieldList fields={shownMissing} />
          {missing && (
            <Alert tone="warning" boxed className="mb-3">
              {missing}
            </Alert>
          )}
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
              <p aria-live="polite" data-testid="save-state">
                {locked ? (
                  <Badge tone="green">Submitted</Badge>
                ) : saveState.kind === "saving" ? (
                  "Saving…"
                ) : saveState.kind === "error" ? (
                  <span className="text-red-700">Not saved</span>
                ) : autosave.dirty ? (
                  // Not "Saved" while an edit waits for its pause: reloading then would lose it.
                  "Unsaved changes"
                ) : saveState.kind === "saved" ? (
                  <span className="text-emerald-800">
                    Saved <LocalTime value={saveState.at} style="short" />
                  </span>
                ) : (
                  "Draft"
                )}
              </p>
              <p className="text-slate-600" data-testid="progress">
                {
                  d.rubric.signals.filter(
                    (sig) => ratings[sig.key]?.rating !== null && ratings[sig.key]?.rating !== undefined,
                  ).length
                }{" "}
                of {d.rubric.signals.length} signals rated
              </p>
            </div>
            {confirming ? (
              <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Confirm submission">
                <span className="text-sm text-slate-700">
                  Submit now? It locks the scorecard; later changes need a reason.
                </span>
                <Button
                  busy={submit.isPending}
                  onClick={() => submit.mutate({ workspaceId, roundId, expectedVersion: version })}
                >
                  Yes, submit
                </Button>
                <Button variant="ghost" onClick={() => setConfirming(false)}>
                  Keep editing
                </Button>
              </div>
            ) : (
              <Button
                disabled={autosave.dirty || saveState.kind === "saving"}
                onClick={() => {
                  const list = missingFields(d.rubric.signals, { ratings, recommendation, summary });
                  setMissingList(list);
                  setMissing(null);
                  if (list.length > 0) {
                    focusField(list[0]!);
                    return;
                  }
                  setConfirming(true);
                }}
              >
                Submit scorecard
              </Button>
            )}
          </div>
        </div>
      )}
      {status === "submitted" && (
        <p className="mt-6 text-sm" data-testid="save-state">
          <Badge tone="green">Submitted</Badge>
        </p>
      )}
      {status === "submitted" && !revising && (
        <Button variant="secondary" className="mt-6" onClick={() => setRevising(true)}>
          Revise (with a reason)
        </Button>
      )}
      {revising && (
        <Card
          className="mt-6"
          title="Revise the submitted scorecard"
          description="The previous version is kept in the history and the audit log, with your reason."
        >
          <label className="block text-sm font-medium" htmlFor="revise-reason">
            Why are you changing it?
          </label>
          <input
            id="revise-reason"
            className="mt-1 block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {missing && <Alert className="mt-2">{missing}</Alert>}
          <div className="mt-3 flex gap-2">
            <Button
              busy={revise.isPending}
              onClick={() =>
                revise.mutate({
                  workspaceId,
                  roundId,
                  expectedVersion: version,
                  reason,
                  ratings,
                  redFlagKeys: redFlags,
                  recommendation,
                  summary,
                })
              }
            >
              Save revision
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setRevising(false);
                load();
              }}
            >
              Cancel
            </Button>
          </div>
        </Card>
      )}
      {status === "submitted" && (
        <p className="mt-6 text-sm">
          <Link className="font-medium text-brand-700 underline" href={`/w/${slug}/loops/${d.round.loopId}/debrief`}>
            Go to the debrief
          </Link>
        </p>
      )}
    </>
  );
}
