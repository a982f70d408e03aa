"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useReplayed, type Opened } from "@/components/opened";
import { toast } from "@/components/toast";
import { ReportView } from "@/components/report-view";
import { Alert, Badge, Button, Card, Checkbox, PageHeader, Skeleton, Textarea } from "@/components/ui";
import { candidateView } from "@/domain/report";
import { useAction } from "@/trpc/action";
import type { RouterOutputs } from "@/trpc/types";

type Draft = {
  summary: string;
  strengths: { title: string; note: string }[];
  growthAreas: { title: string; note: string }[];
  excerpts: { signalTitle: string; text: string; by: string | null }[];
};

/** A draft's content in a fixed order: the saved draft comes back from a JSON column with its keys reordered. */
const contentOf = (d: Draft) =>
  JSON.stringify([
    d.summary,
    d.strengths.map((s) => [s.title, s.note]),
    d.growthAreas.map((s) => [s.title, s.note]),
    d.excerpts.map((e) => [e.signalTitle, e.text, e.by]),
  ]);

type Opening = RouterOutputs["report"]["openDraft"];

export function ReportEditor({
  workspaceId,
  loopId,
  opened,
}: {
  workspaceId: string;
  loopId: string;
  /** The draft as the server opened it while rendering the page. */
  opened: Opened<Opening>;
}) {
  // Shown before (back/forward): the report may have moved on since, so it is opened again.
  const replayed = useReplayed(opened.render);
  const first = replayed ? null : opened;
  // The latest answers to opening the report and to saving it, each with the order it was asked in.
  const [openData, setOpenData] = useState<{ data: Opening; at: number } | null>(
    first?.ok ? { data: first.data, at: 0 } : null,
  );
  const [openError, setOpenError] = useState<string | null>(first && !first.ok ? first.message : null);
  const [saveData, setSaveData] = useState<{ data: Opening; at: number } | null>(null);
  const asked = useRef({ seq: 0, open: 0, save: 0 });
  const [draft, setDraft] = useState<Draft | null>(first?.ok ? first.data.draft : null);
  // After a save, what the button asked for next (a release).
  const afterSave = useRef<(() => void) | null>(null);
  // Opening shows its error in place of the editor: no toast.
  const open = useAction((api) => api.report.openDraft.mutate, {
    errorToast: false,
    onSuccess: (d) => {
      setOpenData({ data: d, at: asked.current.open });
      // The form starts from the saved draft once; later openings (polling, a release) leave the edits alone.
      setDraft((current) => current ?? d.draft);
    },
    onError: (err) => setOpenError(err instanceof Error ? err.message : String(err)),
  });
  const save = useAction((api) => api.report.saveDraft.mutate, {
    onSuccess: (d) => {
      setSaveData({ data: d, at: asked.current.save });
      toast.success("Draft saved");
      const next = afterSave.current;
      afterSave.current = null;
      next?.();
    },
    onError: () => {
      afterSave.current = null;
    },
  });
  const { mutate: openDraft } = open;
  const reopen = useCallback(() => {
    asked.current.open = ++asked.current.seq;
    setOpenError(null);
    openDraft({ workspaceId, loopId });
  }, [openDraft, workspaceId, loopId]);
  const release = useAction((api) => api.report.release.mutate, {
    onSuccess: (r) => {
      toast.success(`Released version ${r.version}; the candidate is emailed`);
      reopen();
    },
  });
  const withdraw = useAction((api) => api.report.withdraw.mutate, {
    onSuccess: () => {
      toast.success("Report withdrawn");
      reopen();
    },
  });
  useEffect(() => {
    if (replayed) reopen();
  }, [replayed, reopen]);
  // While the background calibration catches up with new scorecards, look again every 2 s (release waits).
  const updating = openData?.data.calibrationUpdating === true;
  useEffect(() => {
    if (!updating) return;
    const timer = setTimeout(reopen, 2_000);
    return () => clearTimeout(timer);
  }, [reopen, updating, openData]);
  if (openError !== null) return <Alert>{openError}</Alert>;
  if (!openData || !draft) return <Skeleton rows={8} />;
  // The newest answer wins: a save before a release must not hide the state the release reloaded.
  const data = saveData && saveData.at > openData.at ? saveData.data : openData.data;
  const picked = (text: string) => draft.excerpts.some((e) => e.text === text);
  const unsaved = contentOf(draft) !== contentOf(data.draft);
  // The preview follows the form as the coach types: the computed part (scores, plan) from the server, the
  // words from the form, through the same candidateView and ReportView the candidate's page uses.
  const preview = candidateView({ ...data.preview, ...draft }, data.showInterviewerNames);

  const persist = (onDone?: () => void) => {
    if (save.isPending) return;
    afterSave.current = onDone ?? null;
    asked.current.save = ++asked.current.seq;
    save.mutate({ workspaceId, loopId, draft });
  };

  return (
    <>
      <PageHeader
        title="Candidate report"
        description="Built from the calibrated debrief. Nothing from the scorecards reaches the candidate unless you pick it below."
        actions={
          <span className="flex items-center gap-2">
            <Badge tone={data.status === "released" ? "green" : data.status === "withdrawn" ? "red" : "gray"}>
              {data.status}
              {data.releasedVersion ? ` · v${data.releasedVersion}` : ""}
            </Badge>
          </span>
        }
      />
      {data.scoresChangedSinceRelease && (
        <p
          role="status"
          className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200"
          data-testid="scores-changed"
        >
          The scores have been recalculated since version {data.releasedVersion} was released (interviewers&apos;
          leniency is re-measured as new scorecards come in). The candidate still sees the released numbers; release a
          revision to update them.
        </p>
      )}
      <div className="grid gap-6 xl:grid-cols-2">
        <div className="min-w-0 space-y-4">
          <Card title="Summary for the candidate">
            <label htmlFor="report-summary" className="sr-only">
              Summary
            </label>
            <Textarea
              id="report-summary"
              rows={4}
              value={draft.summary}
              onChange={(e) => setDraft({ ...draft, summary: e.target.value })}
              placeholder="What went well, what to work on next."
            />
          </Card>
          {(["strengths", "growthAreas"] as const).map((k) => (
            <Card
              key={k}
              title={k === "strengths" ? "Strengths (strongest signals)" : "Growth areas (weakest signals)"}
            >
              {draft[k].map((s, i) => (
                <div key={s.title} className="mb-2">
                  <label htmlFor={`${k}-${i}`} className="text-sm font-medium">
                    {s.title}
                  </label>
                  <input
                    id={`${k}-${i}`}
                    className="mt-1 block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
                    value={s.note}
                    placeholder="A note (optional)"
                    onChange={(e) =>
                      setDraft({
                        ...draft,
                        [k]: draft[k].map((x, j) => (j === i ? { ...x, note: e.target.value } : x)),
                      })
                    }
                  />
                </div>
              ))}
            </Card>
          ))}
          <Card title="Evidence you can share" description="Pick excerpts and edit them; only picked ones are shared.">
            <div className="space-y-4" data-testid="evidence-offered">
              {[...new Set(openData.data.excerptsOffered.map((e) => e.signalTitle))].map((signalTitle) => (
                <fieldset key={signalTitle}>
                  <legend className="text-sm font-semibold text-slate-900">{signalTitle}</legend>
                  <ul className="mt-1 space-y-2">
                    {openData.data.excerptsOffered
                      .filter((e) => e.signalTitle === signalTitle)
                      .map((e, i) => (
                        <li key={`${e.round}-${i}`} className="text-sm">
                          <Checkbox
                            alignTop
                            label={
                              <span>
                                <span className="text-xs font-medium text-slate-600">{e.round}: </span>
                                {e.text}
                              </span>
                            }
                            checked={picked(e.text)}
                            onChange={(ev) =>
                              setDraft({
                                ...draft,
                                excerpts: ev.target.checked
                                  ? [...draft.excerpts, { signalTitle: e.signalTitle, text: e.text, by: e.by }]
                                  : draft.excerpts.filter((x) => x.text !== e.text),
                              })
                            }
                          />
                        </li>
                      ))}
                  </ul>
                </fieldset>
              ))}
            </div>
            {draft.excerpts.length > 0 && (
              <div className="mt-4 space-y-2">
                <p className="text-sm font-semibold">Picked (edit before sharing)</p>
                {draft.excerpts.map((e, i) => (
                  <Textarea
                    key={i}
                    aria-label={`Excerpt about ${e.signalTitle}`}
                    rows={2}
                    value={e.text}
                    onChange={(ev) =>
                      setDraft({
                        ...draft,
                        excerpts: draft.excerpts.map((x, j) => (j === i ? { ...x, text: ev.target.value } : x)),
                      })
                    }
                  />
                ))}
              </div>
            )}
          </Card>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" busy={save.isPending} onClick={() => persist()}>
              Save draft
            </Button>
            <Button
              busy={release.isPending}
              disabled={!data.candidateJoined || data.calibrationUpdating}
              aria-describedby={
                !data.candidateJoined ? "release-blocked" : data.calibrationUpdating ? "release-updating" : undefined
              }
              onClick={() => persist(() => release.mutate({ workspaceId, loopId }))}
            >
              {data.releasedVersion ? "Release revision" : "Release to candidate"}
            </Button>
            {data.status === "released" && (
              <Button
                variant="danger"
                busy={withdraw.isPending}
                onClick={() => withdraw.mutate({ workspaceId, loopId })}
              >
                Withdraw
              </Button>
            )}
          </div>
          {data.calibrationUpdating && (
            <p id="release-updating" role="status" className="text-sm text-sky-900" data-testid="release-updating">
              The scores are being recalculated with the latest scorecards; release opens in a few seconds, when they
              are final.
            </p>
          )}
          {!data.candidateJoined && (
            <p id="release-blocked" role="note" className="text-sm text-amber-900" data-testid="release-blocked">
              Release opens once the candidate accepts their invitation to this workspace: the report goes to their
              account, not to an email address.
            </p>
          )}
        </div>
        <section aria-labelledby="preview-heading" className="min-w-0" data-testid="report-preview">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h2 id="preview-heading" className="text-lg font-semibold">
              Preview: exactly what the candidate sees
            </h2>
            <span role="status" data-testid="preview-state">
              {unsaved ? <Badge tone="amber">Unsaved changes</Badge> : <Badge tone="green">Saved</Badge>}
            </span>
          </div>
          {unsaved && (
            <p className="mb-3 text-sm text-slate-700">
              The preview shows your edits as you type. Save the draft to keep them; the candidate sees only what you
              release.
            </p>
          )}
          <ReportView content={preview} />
        </section>
      </div>
    </>
  );
}
