import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { Badge, Card, EmptyState, PageHeader, cx } from "@/components/ui";
import { can } from "@/domain/roles";
import { getServerCaller } from "@/trpc/server";
import { loadWorkspaceWith } from "../../../workspace-context";
import { DecisionForm } from "./decision-form";

export const metadata: Metadata = { title: "Debrief" };
export const dynamic = "force-dynamic";

const REC: Record<string, string> = { strong_no: "Strong no", no: "No", yes: "Yes", strong_yes: "Strong yes" };
const fmt = (n: number | null) => (n === null ? "—" : n.toFixed(1));

export default async function DebriefPage({ params }: { params: Promise<{ slug: string; loopId: string }> }) {
  const { slug, loopId } = await params;
  const ws = await loadWorkspaceWith(slug, "debrief.read");
  let d;
  try {
    d = await (await getServerCaller()).debrief.get({ workspaceId: ws.id, loopId });
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    if (err instanceof TRPCError && err.code === "CONFLICT") return <EmptyState title="Not yet">{err.message}</EmptyState>;
    throw err;
  }
  const disagreeing = new Set(d.disagreements.map((x) => x.signalKey));
  return (
    <>
      <PageHeader title={`Debrief: ${d.loop.candidate}`} description={`${d.loop.targetRole} · ${d.loop.level} · ${d.columns.length} scorecard(s) in${d.pendingScorecards ? `, ${d.pendingScorecards} round(s) without one yet` : ""}`} />
      {d.columns.length === 0 ? (
        <EmptyState title="No scorecards submitted yet">The matrix fills as interviewers submit.</EmptyState>
      ) : (
        <div className="space-y-6">
          {(d.disagreements.length > 0 || d.splitRecommendation) && (
            <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="disagreement">
              <span className="font-semibold">Disagreement:</span>{" "}
              {d.splitRecommendation && "the panel's recommendations are split. "}
              {d.disagreements.length > 0 && `Ratings differ by 2 or more on ${d.disagreements.map((x) => x.title).join(", ")}.`}
            </p>
          )}
          <Card title="Rounds × signals" description="Raw rating / calibrated rating (corrected for each interviewer's severity across the workspace).">
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="debrief-matrix">
                <thead className="text-xs text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 pr-3">Signal</th>
                    {d.columns.map((c) => (
                      <th key={c.scorecardId} scope="col" className="px-2 py-2">
                        {c.roundType}
                        <span className="block font-normal">{c.interviewer}</span>
                        <span className="block font-normal">{c.recommendation ? REC[c.recommendation] : ""}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {d.matrix.filter((row) => row.cells.some((c) => c.raw !== null || c.notObserved)).map((row) => (
                    <tr key={row.key} className={cx(disagreeing.has(row.key) && "bg-amber-50")} data-disagreement={disagreeing.has(row.key) || undefined}>
                      <th scope="row" className="py-2 pr-3 font-medium">
                        {row.title} {disagreeing.has(row.key) && <Badge tone="amber">disagreement</Badge>}
                      </th>
                      {row.cells.map((c) => (
                        <td key={c.scorecardId} className="px-2 py-2 tabular-nums">
                          {c.notObserved ? <span className="text-slate-500">n/o</span> : c.raw === null ? "—" : `${c.raw} / ${fmt(c.calibrated)}`}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card title="Calibrated scores by dimension" description="With standard errors; wide intervals mean thin evidence.">
              <table className="w-full text-sm" data-testid="dimension-scores">
                <thead className="text-left text-xs text-slate-600">
                  <tr>
                    <th scope="col">Dimension</th>
                    <th scope="col">Raw</th>
                    <th scope="col">Calibrated ± SE</th>
                  </tr>
                </thead>
                <tbody>
                  {d.dimensionScores.map((s) => (
                    <tr key={s.dimensionKey}>
                      <th scope="row" className="py-1 text-left font-medium">{s.dimension}</th>
                      <td className="tabular-nums">{s.raw.toFixed(2)}</td>
                      <td className="tabular-nums">
                        {s.calibrated.toFixed(2)} ± {s.standardError.toFixed(2)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {d.calibration.warnings.length > 0 && (
                <ul className="mt-3 list-disc pl-5 text-xs text-amber-900">
                  {d.calibration.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title="Coverage" description="Signals with a rating and evidence, per dimension.">
              <ul className="space-y-2 text-sm">
                {d.coverage.map((c) => (
                  <li key={c.dimensionKey}>
                    <span className="font-medium">{c.dimension}</span>: {c.covered} of {c.signals}
                    {c.gaps.length > 0 && <span className="block text-xs text-amber-900">Gaps: {c.gaps.join(", ")}</span>}
                  </li>
                ))}
              </ul>
            </Card>
          </div>
          <Card title="Evidence by signal">
            <dl className="space-y-3 text-sm">
              {d.evidence.map((e) => (
                <div key={e.signalKey}>
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
          <DecisionForm workspaceId={ws.id} loopId={loopId} canDecide={can(ws.role, "debrief.decide")} current={d.decision} />
        </div>
      )}
    </>
  );
}
