"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useParams } from "next/navigation";
import { Alert, Card, EmptyState, ScrollRegion, Skeleton } from "@/components/ui";
import { useTRPC } from "@/trpc/react";
import { CohortCard, f } from "./cohort-card";

/** Two decimals without a "-0.00": a value that rounds to zero is shown as 0.00. */
function twoDecimals(value: number): string {
  const text = value.toFixed(2);
  return text === "-0.00" ? "0.00" : text;
}

export function CalibrationView({ workspaceId }: { workspaceId: string }) {
  const { slug } = useParams<{ slug: string }>();
  const trpc = useTRPC();
  const report = useQuery({
    ...trpc.calibration.interviewers.queryOptions({ workspaceId }),
    refetchInterval: (query) => (query.state.data?.updating ? 2_000 : false),
  });
  return (
    <div className="space-y-6">
      <CohortCard workspaceId={workspaceId} slug={slug} />

      <Card
        title="Interviewer calibration"
        description="Severity: how many rating points an interviewer rates above (+, lenient) or below (−, harsh) the panel on the same candidates. Gain: how much of the scale they use (1 = like the panel, above 1 = spreads candidates further apart). Spread: how much their ratings scatter beyond that. ± is one standard error. Panel gap: mean distance from the other interviewers on the same candidate and signal."
      >
        {report.isPending ? (
          <Skeleton rows={4} />
        ) : report.isError ? (
          <Alert>{report.error.message}</Alert>
        ) : report.data.interviewers.length === 0 ? (
          <EmptyState title="No submitted scorecards yet" />
        ) : (
          <ScrollRegion label="Interviewer calibration">
            <table className="w-full text-left text-sm" data-testid="interviewer-report">
              <thead className="text-xs text-slate-600">
                <tr>
                  <th scope="col" className="py-2">
                    Interviewer
                  </th>
                  <th scope="col">Severity ± SE</th>
                  <th scope="col">Gain ± SE</th>
                  <th scope="col">Spread ± SE</th>
                  <th scope="col">Ratings</th>
                  <th scope="col">Scorecards</th>
                  <th scope="col">Panel gap</th>
                  <th scope="col">Median hours to submit</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.data.interviewers.map((i) => (
                  <tr key={i.interviewerId}>
                    <th scope="row" className="py-2 font-medium">
                      <Link
                        className="text-brand-700 hover:underline"
                        href={`/w/${slug}/how-i-rate?member=${i.interviewerId}`}
                      >
                        {i.name}
                      </Link>
                    </th>
                    <td className="tabular-nums" title={i.notCalibratedReason ?? undefined}>
                      {i.identifiable ? (
                        `${f(i.severity)} ± ${f(i.standardError)}`
                      ) : (
                        <span className="text-slate-600">
                          not estimable<span className="block text-xs">{i.notCalibratedReason}</span>
                        </span>
                      )}
                    </td>
                    <td className="tabular-nums">
                      {i.gain === null ? "—" : `${f(i.gain)} ± ${f(i.gainStandardError)}`}
                    </td>
                    <td className="tabular-nums">
                      {f(i.spread)}
                      {i.spreadStandardError !== null && ` ± ${f(i.spreadStandardError)}`}
                    </td>
                    <td className="tabular-nums">{i.ratings}</td>
                    <td className="tabular-nums">{i.scorecards}</td>
                    <td className="tabular-nums">{f(i.panelGap)}</td>
                    <td className="tabular-nums">{f(i.medianHoursToSubmit, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>

      {report.data && (
        <Card
          title="Inter-rater agreement"
          description="Krippendorff's alpha (ordinal) on raw ratings: 1 is perfect agreement, 0 is chance; 0.8 or more is reliable, 0.67–0.8 tentative. The range is a 95% bootstrap interval; blank when too few loops were rated twice."
        >
          <div className="grid gap-4 md:grid-cols-2">
            {(["byDimension", "bySignal"] as const).map((k) => (
              <table key={k} className="w-full text-left text-sm">
                <caption className="mb-1 text-left text-xs font-semibold text-slate-600">
                  {k === "byDimension" ? "By dimension" : "By signal"}
                </caption>
                <tbody className="divide-y divide-slate-100">
                  {report.data.agreement[k].map((a) => (
                    <tr key={a.key}>
                      <th scope="row" className="py-1 font-normal">
                        {a.key.replace(/-/g, " ")}
                      </th>
                      <td className="tabular-nums">{a.alpha === null ? "—" : twoDecimals(a.alpha)}</td>
                      <td className="text-xs text-slate-600 tabular-nums">
                        {a.interval ? `${twoDecimals(a.interval[0])} to ${twoDecimals(a.interval[1])}` : ""}
                      </td>
                      <td className="text-xs text-slate-600">
                        {a.units} {a.units === 1 ? "loop" : "loops"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
        </Card>
      )}
    </div>
  );
}
