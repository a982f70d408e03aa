import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { CalibrationUpdating } from "@/components/auto-refresh";
import {
  Badge,
  Card,
  EmptyState,
  PageHeader,
  ScrollRegion,
  StackedCell,
  StackedRow,
  StackedTable,
  cx,
} from "@/components/ui";
import { LocalTime } from "@/components/time";
import { can } from "@/domain/roles";
import { RECOMMENDATION_LABEL, RECOMMENDATION_TONE } from "@/domain/vocabulary";
import { getServerCaller } from "@/trpc/server";
import { loadWorkspaceWith } from "../../../workspace-context";
import { DecisionForm } from "./decision-form";

export const metadata: Metadata = { title: "Debrief" };
export const dynamic = "force-dynamic";

const fmt = (n: number | null, digits = 2) => (n === null ? "—" : n.toFixed(digits));
/** "3.10 (2.85–3.35)": the score and where it most likely lies (95%). */
const withRange = (value: number | null, se: number | null) =>
  value === null
    ? "—"
    : se === null
      ? value.toFixed(2)
      : `${value.toFixed(2)} (${Math.max(1, value - 1.96 * se).toFixed(2)}–${Math.min(4, value + 1.96 * se).toFixed(2)})`;
/** A colour per rating (with the number always shown, so colour is never the only cue). */
const RATING_TONE: Record<number, string> = {
  1: "bg-red-100 text-red-900",
  2: "bg-amber-100 text-amber-900",
  3: "bg-emerald-50 text-emerald-900",
  4: "bg-emerald-200 text-emerald-950",
};

const leniency = (severity: number | null) =>
  severity === null
    ? "leniency unknown"
    : Math.abs(severity) < 0.05
      ? "rates like the panel"
      : severity > 0
        ? `rates ${severity.toFixed(2)} higher than the panel`
        : `rates ${(-severity).toFixed(2)} lower than the panel`;

export default async function DebriefPage({ params }: { params: Promise<{ slug: string; loopId: string }> }) {
  const { slug, loopId } = await params;
  const ws = await loadWorkspaceWith(slug, "debrief.read");
  let d;
  try {
    d = await (await getServerCaller()).debrief.get({ workspaceId: ws.id, loopId });
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    if (err instanceof TRPCError && err.code === "CONFLICT")
      return <EmptyState title="Not yet">{err.message}</EmptyState>;
    throw err;
  }
  const disagreeing = new Set(d.disagreements.map((x) => x.signalKey));
  /** A reason the debrief sends once in `notes` and names by index. */
  const noteOf = (index: number | null) => (index === null ? undefined : d.notes[index]);
  return (
    <>
      <PageHeader
        title={`Debrief: ${d.loop.candidate}`}
        description={`${d.loop.targetRole} · ${d.loop.level} · ${d.columns.length} scorecard(s) in${d.pendingScorecards ? `, ${d.pendingScorecards} round(s) without one yet` : ""}`}
      />
      {d.cancelledRounds.length > 0 && (
        <p
          role="note"
          className="mb-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200"
          data-testid="cancelled-rounds"
        >
          Cancelled, so no evidence from: {d.cancelledRounds.join(", ")}.
        </p>
      )}
      <Card
        title="Scorecards"
        description="Where each round's scorecard stands. Others' drafts show as a status only; their content stays private until submitted."
      >
        <ul className="divide-y divide-slate-100 text-sm" data-testid="submission-tracker">
          {d.tracker.map((t) => (
            <li key={t.roundId} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2">
              <span>
                <span className="font-medium">{t.round}</span>
                {t.interviewer && <span className="text-slate-600"> · {t.interviewer}</span>}
              </span>
              <span className="text-slate-700">
                {t.state === "submitted" ? (
                  <>
                    <Badge tone="green">submitted</Badge>{" "}
                    {t.submittedAt && <LocalTime value={t.submittedAt} style="short" />}
                  </>
                ) : t.state === "draft" ? (
                  <Badge tone="amber">started, not submitted</Badge>
                ) : t.state === "due" ? (
                  <Badge tone="red">not started</Badge>
                ) : t.state === "upcoming" && t.startsAt ? (
                  <>
                    takes place <LocalTime value={t.startsAt} style="short" />
                  </>
                ) : (
                  <Badge>not booked</Badge>
                )}
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <div className="h-6" aria-hidden />
      {d.columns.length === 0 ? (
        <EmptyState title="No scorecards submitted yet">The matrix fills as interviewers submit.</EmptyState>
      ) : (
        <div className="space-y-6">
          {(d.disagreements.length > 0 || d.splitRecommendation) && (
            <p
              role="status"
              className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200"
              data-testid="disagreement"
            >
              <span className="font-semibold">Disagreement:</span>{" "}
              {d.splitRecommendation && "the panel's recommendations are split. "}
              {d.disagreements.length > 0 && (
                <>
                  Ratings differ by 2 or more on{" "}
                  {d.disagreements.map((x, i) => (
                    <span key={x.signalKey}>
                      {i > 0 && ", "}
                      <a className="font-medium underline" href={`#evidence-${x.signalKey}`}>
                        {x.title}
                      </a>
                    </span>
                  ))}
                  . Follow a signal to the evidence behind each rating.
                </>
              )}
            </p>
          )}
          <section aria-labelledby="verdicts">
            <h2 id="verdicts" className="mb-3 text-base font-semibold text-slate-900">
              What each interviewer concluded
            </h2>
            <div className="grid gap-4 md:grid-cols-2" data-testid="interviewer-cards">
              {d.columns.map((c) => (
                <article
                  key={c.scorecardId}
                  className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
                  data-testid="interviewer-card"
                >
                  <header className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      <h3 className="font-semibold text-slate-900">{c.interviewer}</h3>
                      <p className="text-xs text-slate-600">
                        {c.roundType}
                        {c.submittedAt && (
                          <>
                            {" "}
                            · submitted <LocalTime value={c.submittedAt} style="short" />
                          </>
                        )}
                      </p>
                    </div>
                    {c.recommendation && (
                      <Badge tone={RECOMMENDATION_TONE[c.recommendation]}>
                        {RECOMMENDATION_LABEL[c.recommendation]}
                      </Badge>
                    )}
                  </header>
                  <p className="mt-3 text-sm whitespace-pre-line text-slate-800">
                    {c.summary.trim() || <span className="text-slate-500">No summary written.</span>}
                  </p>
                  <div className="mt-3 text-sm">
                    {c.redFlags.length === 0 ? (
                      <p className="text-slate-600">No red flags raised.</p>
                    ) : (
                      <ul aria-label="Red flags" className="flex flex-wrap gap-1.5">
                        {c.redFlags.map((flag) => (
                          <li key={flag}>
                            <Badge tone="red">Red flag: {flag}</Badge>
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                  <p
                    className="mt-2 text-xs text-slate-500"
                    title={noteOf(c.severityNote) ?? "Leniency across all loops of the last year, in rating points"}
                  >
                    {leniency(c.severity)}
                  </p>
                </article>
              ))}
            </div>
          </section>
          <Card
            title="Rounds × signals"
            description="Each interviewer's raw rating, columns in round order, shaded from 1 (red) to 4 (green) with the number always shown. The last column is the signal's calibrated score: the ratings corrected for how leniently or strictly each interviewer rates across all loops of the last year, with the range it most likely lies in (95%)."
          >
            {/* A wide matrix of numbers: it scrolls inside its frame on a narrow screen (from the keyboard too). */}
            <ScrollRegion label="Ratings matrix">
              <table className="w-full text-left text-sm" data-testid="debrief-matrix">
                <thead className="text-xs text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 pr-3">
                      Signal
                    </th>
                    {d.columns.map((c) => (
                      <th key={c.scorecardId} scope="col" className="px-2 py-2">
                        {c.roundType}
                        <span className="block font-normal">{c.interviewer}</span>
                        <span className="block font-normal">
                          {c.recommendation ? RECOMMENDATION_LABEL[c.recommendation] : ""}
                        </span>
                        <span
                          className="block font-normal text-slate-500"
                          title={
                            noteOf(c.severityNote) ?? "Leniency across all loops of the last year, in rating points"
                          }
                        >
                          {leniency(c.severity)}
                        </span>
                      </th>
                    ))}
                    <th scope="col" className="px-2 py-2">
                      Calibrated
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {d.matrix.map((row) => (
                    <tr
                      key={row.key}
                      className={cx(disagreeing.has(row.key) && "bg-amber-50")}
                      data-disagreement={disagreeing.has(row.key) || undefined}
                    >
                      <th scope="row" className="py-2 pr-3 font-medium">
                        {row.title} {disagreeing.has(row.key) && <Badge tone="amber">disagreement</Badge>}
                      </th>
                      {row.ratings.map((rating, i) => (
                        <td
                          key={d.columns[i]!.scorecardId}
                          className={cx(
                            "px-2 py-2 text-center tabular-nums",
                            typeof rating === "number" && RATING_TONE[rating],
                          )}
                        >
                          {rating === "not_observed" ? (
                            <span className="text-slate-500" title="Not observed">
                              n/o
                            </span>
                          ) : rating === null ? (
                            "—"
                          ) : (
                            rating
                          )}
                        </td>
                      ))}
                      <td className="px-2 py-2 whitespace-nowrap tabular-nums" title={noteOf(row.notCalibratedNote)}>
                        {row.calibrated === null && noteOf(row.notCalibratedNote) ? (
                          <span className="text-slate-500">not calibrated</span>
                        ) : (
                          withRange(row.calibrated, row.standardError)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </Card>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card
              title="Scores by dimension"
              description="Only this loop's scorecards count. Calibrated = corrected for each interviewer's leniency; the range in brackets is where the score most likely lies (95%): a wide range means thin evidence."
            >
              <StackedTable columns={["Dimension", "Raw", "Calibrated (range)", "From"]} data-testid="dimension-scores">
                {d.dimensionScores.map((s) => (
                  <StackedRow key={s.dimensionKey}>
                    <StackedCell header>{s.dimension}</StackedCell>
                    <StackedCell label="Raw" className="tabular-nums">
                      {s.raw.toFixed(2)}
                    </StackedCell>
                    <StackedCell label="Calibrated (range)" className="tabular-nums">
                      {s.calibrated === null ? (
                        <span className="text-slate-600">
                          not calibrated
                          {noteOf(s.notCalibratedNote) && (
                            <span className="block text-xs">{noteOf(s.notCalibratedNote)}</span>
                          )}
                        </span>
                      ) : (
                        withRange(s.calibrated, s.standardError)
                      )}
                    </StackedCell>
                    <StackedCell label="From" className="text-xs text-slate-600">
                      {s.rounds.join(", ")}
                    </StackedCell>
                  </StackedRow>
                ))}
              </StackedTable>
              {d.overall && (
                <p className="mt-2 text-sm" data-testid="overall-score">
                  Overall: raw {fmt(d.overall.raw)}, calibrated{" "}
                  {d.overall.calibrated === null
                    ? "not available"
                    : withRange(d.overall.calibrated, d.overall.standardError)}
                </p>
              )}
              {d.calibration.updating && (
                <div className="mt-2">
                  <CalibrationUpdating />
                </div>
              )}
              <p className="mt-2 text-xs text-slate-600">
                {d.calibration.inCohort
                  ? `Leniency is measured across ${d.calibration.cohortLoops} loop(s) with scorecards from the last 12 months.`
                  : d.calibration.updating
                    ? "Calibrated values appear once the update finishes; raw ratings are shown meanwhile."
                    : "This loop is older than the 12-month calibration window, so only raw ratings are shown."}
              </p>
            </Card>
            <Card title="Coverage" description="Signals with a rating and evidence, per dimension.">
              <ul className="space-y-2 text-sm">
                {d.coverage.map((c) => (
                  <li key={c.dimensionKey}>
                    <span className="font-medium">{c.dimension}</span>: {c.covered} of {c.signals}
                    {c.gaps.length > 0 && (
                      <span className="block text-xs text-amber-900">Gaps: {c.gaps.join(", ")}</span>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          </div>
          <Card title="Evidence by signal">
            <dl className="space-y-3 text-sm">
              {d.evidence.map((e) => (
                <div
                  key={e.signalKey}
                  id={`evidence-${e.signalKey}`}
                  className="scroll-mt-4 target:rounded target:bg-amber-50 target:ring-1 target:ring-amber-200"
                >
                  <dt className="font-medium">{e.title}</dt>
                  {e.items.map((item, i) => (
                    <dd key={i} className="ml-3 text-slate-700">
                      {item.interviewer} ({item.roundType}, {item.rating ?? "n/o"}): {item.evidence}
                    </dd>
                  ))}
                </div>
              ))}
            </dl>
          </Card>
          <DecisionForm
            workspaceId={ws.id}
            loopId={loopId}
            canDecide={can(ws.role, "debrief.decide")}
            current={d.decision}
          />
        </div>
      )}
    </>
  );
}
