"use client";

import Link from "next/link";
import { useDeferredValue } from "react";
import { Alert, Card, EmptyState, Field, Input, ScrollRegion, Select, Skeleton } from "@/components/ui";
import { useUrlState } from "@/components/url-state";
import { useLightPages, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { f, ShowMore } from "./cohort-card";
import { interviewerListInput, interviewerSort } from "./list-input";

type InterviewerPage = RouterOutputs["calibration"]["interviewerPage"];
type Interviewer = InterviewerPage["items"][number];
/** The first page of one of the report's lists for the search and order in the URL, rendered by the server. */
export type ServedInterviewers = Served<ReturnType<typeof interviewerListInput>, InterviewerPage>;

/** One of the report's two lists, a page at a time; while the stored fit catches up, it looks again every 2 s. */
function useInterviewerList(input: ReturnType<typeof interviewerListInput>, served: ServedInterviewers | null) {
  return useLightPages((api) => api.calibration.interviewerPage.query, input, served, {
    keepPrevious: true,
    refetchInterval: (data) => (data?.pages[0]?.updating ? 2_000 : false),
  });
}

function InterviewerTable({ rows, slug, testId }: { rows: Interviewer[]; slug: string; testId: string }) {
  return (
    <table className="w-full text-left text-sm" data-testid={testId}>
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
        {rows.map((i) => (
          <tr key={i.interviewerId} data-testid="interviewer-row">
            <th scope="row" className="py-2 font-medium">
              <Link className="text-brand-700 hover:underline" href={`/w/${slug}/how-i-rate?member=${i.interviewerId}`}>
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
            <td className="tabular-nums">{i.gain === null ? "—" : `${f(i.gain)} ± ${f(i.gainStandardError)}`}</td>
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
  );
}

const counted = (shown: number, total: number, what: string) =>
  shown === total
    ? `${total} ${total === 1 ? "interviewer" : "interviewers"}${what}`
    : `${shown} of ${total} interviewers${what}`;

export function InterviewerCard({
  workspaceId,
  slug,
  served,
}: {
  workspaceId: string;
  slug: string;
  served: { panel: ServedInterviewers | null; apart: ServedInterviewers | null };
}) {
  // The search and the order live in the URL, so a reload or a shared link keeps them.
  const [search, setSearch] = useUrlState("interviewer");
  const [sort, setSort] = useUrlState("isort", "severity");
  const filters = { search: useDeferredValue(search), sort };
  const panel = useInterviewerList(interviewerListInput(workspaceId, "calibrated", filters), served.panel);
  const apart = useInterviewerList(interviewerListInput(workspaceId, "notCalibrated", filters), served.apart);
  const rows = panel.data?.pages.flatMap((p) => p.items) ?? [];
  const total = panel.data?.pages[0]?.total ?? rows.length;
  const apartRows = apart.data?.pages.flatMap((p) => p.items) ?? [];
  const apartTotal = apart.data?.pages[0]?.total ?? apartRows.length;
  return (
    <Card
      title="Interviewer calibration"
      description="Severity: how many rating points an interviewer rates above (+, lenient) or below (−, harsh) the panel on the same candidates. Gain: how much of the scale they use (1 = like the panel, above 1 = spreads candidates further apart). Spread: how much their ratings scatter beyond that. ± is one standard error. Panel gap: mean distance from the other interviewers on the same candidate and signal. Interviewers outside the connected panel are listed apart and never ranked."
    >
      <form
        className="mb-4 grid gap-3 sm:grid-cols-2"
        onSubmit={(e) => e.preventDefault()}
        aria-label="Interviewer filters"
      >
        <Field label="Interviewer name contains" htmlFor="iv-search">
          <Input id="iv-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Ada" />
        </Field>
        <Field label="Sort interviewers by" htmlFor="iv-sort">
          <Select id="iv-sort" value={interviewerSort(sort)} onChange={(e) => setSort(e.target.value)}>
            <option value="severity">Severity (most lenient first)</option>
            <option value="ratings">Ratings</option>
            <option value="name">Name</option>
          </Select>
        </Field>
      </form>
      {panel.isPending || apart.isPending ? (
        <Skeleton rows={4} />
      ) : panel.isError ? (
        <Alert>{panel.error.message}</Alert>
      ) : rows.length === 0 && apartRows.length === 0 ? (
        <EmptyState
          title={filters.search.trim() ? "No interviewer matches this name" : "No submitted scorecards yet"}
        />
      ) : (
        rows.length > 0 && (
          <>
            <p className="mb-2 text-sm text-slate-600" aria-live="polite" data-testid="interviewer-count">
              {counted(rows.length, total, " in the connected panel")}
            </p>
            <ScrollRegion label="Interviewer calibration">
              <InterviewerTable rows={rows} slug={slug} testId="interviewer-report" />
            </ScrollRegion>
            <ShowMore list={panel} shown={rows.length} total={total} />
          </>
        )
      )}
      {apart.isError ? (
        <Alert className="mt-4">{apart.error.message}</Alert>
      ) : (
        apartRows.length > 0 && (
          <div className="mt-4" data-testid="interviewers-not-calibrated">
            <h3 className="text-sm font-semibold">Not calibrated (not ranked)</h3>
            <p className="mb-2 text-xs text-slate-600" data-testid="interviewers-not-calibrated-count">
              {counted(apartRows.length, apartTotal, ", by name")}
            </p>
            <ScrollRegion label="Interviewers not calibrated">
              <InterviewerTable rows={apartRows} slug={slug} testId="interviewer-report-apart" />
            </ScrollRegion>
            <ShowMore list={apart} shown={apartRows.length} total={apartTotal} />
          </div>
        )
      )}
    </Card>
  );
}
