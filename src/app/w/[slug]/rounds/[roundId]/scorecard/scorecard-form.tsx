"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { RATING_LABELS } from "@/components/anchor-grid";
import { LocalTime } from "@/components/time";
import { Badge, Button, Card, PageHeader, Skeleton, cx } from "@/components/ui";
import type { Recommendation, SignalAnswer } from "@/domain/scorecard";
import { RECOMMENDATIONS } from "@/schemas/scorecard";
import { useTRPC } from "@/trpc/react";

const REC_LABEL: Record<Recommendation, string> = { strong_no: "Strong no", no: "No", yes: "Yes", strong_yes: "Strong yes" };
const AUTOSAVE_MS = 800;

export function ScorecardForm({ workspaceId, slug, roundId }: { workspaceId: string; slug: string; roundId: string }) {
  const trpc = useTRPC();
  const open = useMutation(trpc.scorecard.open.mutationOptions());
  const save = useMutation(trpc.scorecard.save.mutationOptions());
  const submit = useMutation(trpc.scorecard.submit.mutationOptions());
  const revise = useMutation(trpc.scorecard.revise.mutationOptions());
  const [revising, setRevising] = useState(false);
  const [reason, setReason] = useState("");
  const [ratings, setRatings] = useState<Record<string, SignalAnswer>>({});
  const [redFlags, setRedFlags] = useState<string[]>([]);
  const [recommendation, setRecommendation] = useState<Recommendation | null>(null);
  const [summary, setSummary] = useState("");
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<"draft" | "submitted">("draft");
  const [saveState, setSaveState] = useState<{ kind: "idle" | "saving" | "saved" | "error"; at?: Date; message?: string }>({ kind: "idle" });
  const [dirty, setDirty] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const versionRef = useRef(0);

  const load = useCallback(() => {
    open.mutate(
      { workspaceId, roundId },
      {
        onSuccess: (d) => {
          setRatings(d.scorecard.ratings);
          setRedFlags(d.scorecard.redFlagKeys);
          setRecommendation(d.scorecard.recommendation);
          setSummary(d.scorecard.summary);
          setVersion(d.scorecard.version);
          versionRef.current = d.scorecard.version;
          setStatus(d.scorecard.status);
          setSaveState(d.scorecard.version > 1 ? { kind: "saved", at: new Date(d.scorecard.updatedAt) } : { kind: "idle" });
          setDirty(false);
        },
      },
    );
  }, [workspaceId, roundId]);
  useEffect(load, [load]);

  // Autosave: a short pause after the last change saves the draft, naming the version it edited.
  useEffect(() => {
    if (!dirty || status !== "draft") return;
    const timer = setTimeout(() => {
      setSaveState({ kind: "saving" });
      save.mutate(
        { workspaceId, roundId, expectedVersion: versionRef.current, ratings, redFlagKeys: redFlags, recommendation, summary },
        {
          onSuccess: (card) => {
            versionRef.current = card.version;
            setVersion(card.version);
            setSaveState({ kind: "saved", at: new Date(card.updatedAt) });
            setDirty(false);
          },
          onError: (err) => setSaveState({ kind: "error", message: err.message }),
        },
      );
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [dirty, ratings, redFlags, recommendation, summary, status]);

  const change = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    setDirty(true);
  };
  const setAnswer = (key: string, patch: Partial<SignalAnswer>) =>
    change(setRatings)({ ...ratings, [key]: { rating: ratings[key]?.rating ?? null, evidence: ratings[key]?.evidence ?? "", ...patch } });

  if (open.isPending || (!open.data && !open.isError)) return <Skeleton rows={8} />;
  if (open.isError) return <p role="alert" className="text-sm text-red-700">{open.error.message}</p>;
  const d = open.data!;
  const locked = status === "submitted" && !revising;

  return (
    <>
      <PageHeader
        title={`Scorecard: ${d.round.roundType.name}`}
        description={`Rubric version ${d.rubric.version}${d.round.question ? ` · question: ${d.round.question.title}` : ""}`}
        actions={
          <p aria-live="polite" className="text-sm" data-testid="save-state">
            {locked ? (
              <Badge tone="green">Submitted</Badge>
            ) : saveState.kind === "saving" ? (
              "Saving…"
            ) : saveState.kind === "saved" ? (
              <span className="text-emerald-800">
                Saved <LocalTime value={saveState.at!} style="short" />
              </span>
            ) : saveState.kind === "error" ? (
              <span className="text-red-700">Not saved</span>
            ) : dirty ? (
              "Unsaved changes"
            ) : (
              "Draft"
            )}
          </p>
        }
      />
      {d.round.startsAt && (
        <p className="-mt-4 mb-6 text-sm text-slate-600">
          Round on <LocalTime value={d.round.startsAt} /> · <Link className="text-brand-700 underline" href={`/w/${slug}/kits/${d.round.roundType.id}${d.round.question ? `?question=${d.round.question.id}` : ""}`}>open the kit</Link>
        </p>
      )}
      {saveState.kind === "error" && (
        <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {saveState.message}{" "}
          <button type="button" className="font-medium underline" onClick={load}>
            Reload the latest version
          </button>
        </p>
      )}
      <fieldset disabled={locked} className="space-y-4">
        <legend className="sr-only">Signals</legend>
        {d.rubric.signals.map((s) => {
          const answer = ratings[s.key];
          return (
            <Card key={s.key} title={s.title} description={s.description}>
              <div role="radiogroup" aria-label={`Rating for ${s.title}`} className="grid gap-2 sm:grid-cols-5" data-testid={`rating-${s.key}`}>
                {([1, 2, 3, 4] as const).map((n) => (
                  <label key={n} className={cx("cursor-pointer rounded-md p-2 text-xs ring-1", answer?.rating === n ? "bg-brand-50 ring-brand-600" : "ring-slate-200 hover:bg-slate-50")}>
                    <input type="radio" className="mr-1" name={`rating-${s.key}`} checked={answer?.rating === n} onChange={() => setAnswer(s.key, { rating: n })} />
                    <span className="font-semibold">{RATING_LABELS[n - 1]}</span>
                    <span className="mt-1 block text-slate-700">{s.anchors[n - 1]}</span>
                  </label>
                ))}
                <label className={cx("cursor-pointer rounded-md p-2 text-xs ring-1", answer?.rating === "not_observed" ? "bg-slate-100 ring-slate-500" : "ring-slate-200 hover:bg-slate-50")}>
                  <input type="radio" className="mr-1" name={`rating-${s.key}`} checked={answer?.rating === "not_observed"} onChange={() => setAnswer(s.key, { rating: "not_observed" })} />
                  <span className="font-semibold">Not observed</span>
                </label>
              </div>
              <label className="mt-3 block text-sm font-medium" htmlFor={`evidence-${s.key}`}>
                Evidence (what you saw and heard)
              </label>
              <textarea id={`evidence-${s.key}`} rows={2} className="mt-1 block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300" value={answer?.evidence ?? ""} onChange={(e) => setAnswer(s.key, { evidence: e.target.value })} />
            </Card>
          );
        })}
        <Card title="Red flags">
          <div className="space-y-1">
            {d.rubric.redFlags.map((f) => (
              <label key={f.key} className="flex items-start gap-2 text-sm">
                <input type="checkbox" className="mt-1 size-4" checked={redFlags.includes(f.key)} onChange={(e) => change(setRedFlags)(e.target.checked ? [...redFlags, f.key] : redFlags.filter((k) => k !== f.key))} />
                <span>
                  <span className="font-medium">{f.title}.</span> {f.description}
                </span>
              </label>
            ))}
          </div>
        </Card>
        <Card title="Overall">
          <div role="radiogroup" aria-label="Overall recommendation" className="flex flex-wrap gap-2">
            {RECOMMENDATIONS.map((r) => (
              <label key={r} className={cx("cursor-pointer rounded-md px-3 py-2 text-sm ring-1", recommendation === r ? "bg-brand-50 ring-brand-600" : "ring-slate-300")}>
                <input type="radio" className="mr-1" name="recommendation" checked={recommendation === r} onChange={() => change(setRecommendation)(r)} />
                {REC_LABEL[r]}
              </label>
            ))}
          </div>
          <label className="mt-3 block text-sm font-medium" htmlFor="summary">
            Summary
          </label>
          <textarea id="summary" rows={4} className="mt-1 block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300" value={summary} onChange={(e) => change(setSummary)(e.target.value)} />
        </Card>
      </fieldset>
      {status === "draft" && (
        <div className="mt-6 space-y-3">
          {missing && (
            <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
              {missing}
            </p>
          )}
          <Button
            busy={submit.isPending}
            disabled={dirty || saveState.kind === "saving"}
            onClick={() =>
              submit.mutate(
                { workspaceId, roundId, expectedVersion: version },
                {
                  onSuccess: (card) => {
                    setStatus("submitted");
                    setVersion(card.version);
                    setMissing(null);
                    toast.success("Scorecard submitted");
                  },
                  onError: (err) => setMissing(err.message),
                },
              )
            }
          >
            Submit scorecard
          </Button>
          <p className="text-xs text-slate-600">Submitting locks the scorecard; you then see the other interviewers' scorecards for this loop.</p>
        </div>
      )}
      {status === "submitted" && !revising && (
        <Button variant="secondary" className="mt-6" onClick={() => setRevising(true)}>
          Revise (with a reason)
        </Button>
      )}
      {revising && (
        <Card className="mt-6" title="Revise the submitted scorecard" description="The previous version is kept in the history and the audit log, with your reason.">
          <label className="block text-sm font-medium" htmlFor="revise-reason">
            Why are you changing it?
          </label>
          <input id="revise-reason" className="mt-1 block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300" value={reason} onChange={(e) => setReason(e.target.value)} />
          {missing && (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {missing}
            </p>
          )}
          <div className="mt-3 flex gap-2">
            <Button
              busy={revise.isPending}
              onClick={() =>
                revise.mutate(
                  { workspaceId, roundId, expectedVersion: versionRef.current, reason, ratings, redFlagKeys: redFlags, recommendation, summary },
                  {
                    onSuccess: (card) => {
                      versionRef.current = card.version;
                      setVersion(card.version);
                      setRevising(false);
                      setReason("");
                      setMissing(null);
                      setDirty(false);
                      toast.success("Revision saved");
                    },
                    onError: (err) => setMissing(err.message),
                  },
                )
              }
            >
              Save revision
            </Button>
            <Button variant="ghost" onClick={() => { setRevising(false); load(); }}>
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
