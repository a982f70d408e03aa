"use client";

import { useQuery } from "@tanstack/react-query";
import { useParams } from "next/navigation";
import { Card } from "@/components/ui";
import { useTRPC } from "@/trpc/react";
import { CohortCard } from "./cohort-card";
import { InterviewerCard } from "./interviewer-card";

/** Two decimals without a "-0.00": a value that rounds to zero is shown as 0.00. */
function twoDecimals(value: number): string {
  const text = value.toFixed(2);
  return text === "-0.00" ? "0.00" : text;
}

export function CalibrationView({ workspaceId }: { workspaceId: string }) {
  const { slug } = useParams<{ slug: string }>();
  const trpc = useTRPC();
  // The fit's summary (agreement); the lists read their own pages.
  const report = useQuery({
    ...trpc.calibration.summary.queryOptions({ workspaceId }),
    refetchInterval: (query) => (query.state.data?.updating ? 2_000 : false),
  });
  return (
    <div className="space-y-6">
      <CohortCard workspaceId={workspaceId} slug={slug} />

      <InterviewerCard workspaceId={workspaceId} slug={slug} />

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
