"use client";

import { useParams } from "next/navigation";
import { Card } from "@/components/ui";
import { useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { CohortCard, type ServedCohort } from "./cohort-card";
import { InterviewerCard, type ServedInterviewers } from "./interviewer-card";

/** Two decimals without a "-0.00": a value that rounds to zero is shown as 0.00. */
function twoDecimals(value: number): string {
  const text = value.toFixed(2);
  return text === "-0.00" ? "0.00" : text;
}

/** What the server rendered: the first page of each list for the filters in the URL, and the summary. */
export interface ServedCalibration {
  ranked: ServedCohort | null;
  notCalibrated: ServedCohort | null;
  interviewers: ServedInterviewers | null;
  interviewersApart: ServedInterviewers | null;
  summary: Served<{ workspaceId: string }, RouterOutputs["calibration"]["summary"]> | null;
}

export function CalibrationView({ workspaceId, served }: { workspaceId: string; served: ServedCalibration }) {
  const { slug } = useParams<{ slug: string }>();
  // The fit's summary (agreement); the lists read their own pages.
  const report = useLightQuery((api) => api.calibration.summary.query, { workspaceId }, served.summary, {
    refetchInterval: (data) => (data?.updating ? 2_000 : false),
  });
  const summary = report.data;
  return (
    <div className="space-y-6">
      <CohortCard
        workspaceId={workspaceId}
        slug={slug}
        served={{ ranked: served.ranked, apart: served.notCalibrated }}
      />

      <InterviewerCard
        workspaceId={workspaceId}
        slug={slug}
        served={{ panel: served.interviewers, apart: served.interviewersApart }}
      />

      {summary && (
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
                  {summary.agreement[k].map((a) => (
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
