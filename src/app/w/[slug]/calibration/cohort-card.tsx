"use client";

import Link from "next/link";
import { useDeferredValue } from "react";
import { LocalTime } from "@/components/time";
import {
  Alert,
  Button,
  Card,
  ChoiceSelect,
  EmptyState,
  Field,
  Input,
  ScrollRegion,
  Select,
  Skeleton,
} from "@/components/ui";
import { useUrlState } from "@/components/url-state";
import { LEVELS } from "@/domain/vocabulary";
import { useLightPages, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { cohortListInput, cohortSort } from "./list-input";

export const f = (n: number | null | undefined, d = 2) =>
  n === null || n === undefined || !Number.isFinite(n) ? "—" : n.toFixed(d);

/** A calibrated score as a dot with a ±1.96 SE interval on the 1–4 scale (the numbers are in the table). */
function IntervalBar({ value, se }: { value: number; se: number }) {
  const pos = (x: number) => `${Math.min(100, Math.max(0, ((x - 1) / 3) * 100))}%`;
  const lo = value - 1.96 * (Number.isFinite(se) ? se : 0);
  const hi = value + 1.96 * (Number.isFinite(se) ? se : 0);
  return (
    <div className="relative h-3 w-40 rounded bg-slate-100" aria-hidden>
      <div
        className="absolute top-1 h-1 rounded bg-brand-100"
        style={{ left: pos(lo), width: `calc(${pos(hi)} - ${pos(lo)})` }}
      />
      <div className="absolute top-0 size-3 -translate-x-1/2 rounded-full bg-brand-700" style={{ left: pos(value) }} />
    </div>
  );
}

/** The first page of one of the cohort's lists for the filters in the URL, rendered by the server. */
export type ServedCohort = Served<ReturnType<typeof cohortListInput>, RouterOutputs["calibration"]["cohortPage"]>;

/** One of the cohort's two lists, a page at a time; while the stored fit catches up, it looks again every 2 s. */
function useCohortList(input: ReturnType<typeof cohortListInput>, served: ServedCohort | null) {
  return useLightPages((api) => api.calibration.cohortPage.query, input, served, {
    keepPrevious: true,
    refetchInterval: (data) => (data?.pages[0]?.updating ? 2_000 : false),
  });
}

/** The next page of a paged list, with how many rows are still to come. */
export function ShowMore({
  list,
  shown,
  total,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  shown: number;
  total: number;
}) {
  if (!list.hasNextPage) return null;
  return (
    <Button
      variant="secondary"
      className="mt-3"
      busy={list.isFetchingNextPage}
      onClick={() => void list.fetchNextPage()}
    >
      Show more ({total - shown} more)
    </Button>
  );
}

export function CohortCard({
  workspaceId,
  slug,
  served,
}: {
  workspaceId: string;
  slug: string;
  served: { ranked: ServedCohort | null; apart: ServedCohort | null };
}) {
  // Filters live in the URL, so a reload or a shared link keeps them.
  const [level, setLevel] = useUrlState("level");
  const [role, setRole] = useUrlState("role");
  const [sort, setSort] = useUrlState("sort", "calibrated");
  const [from, setFrom] = useUrlState("from");
  const [to, setTo] = useUrlState("to");
  const filters = { level, role: useDeferredValue(role), sort };
  // A day typed in the date fields is read in the browser's zone.
  const dates = { from: from ? new Date(from) : undefined, to: to ? new Date(`${to}T23:59:59`) : undefined };
  const ranked = useCohortList(cohortListInput(workspaceId, "ranked", filters, dates), served.ranked);
  const apart = useCohortList(cohortListInput(workspaceId, "notCalibrated", filters, dates), served.apart);
  const meta = ranked.data?.pages[0];
  const rows = ranked.data?.pages.flatMap((p) => p.items) ?? [];
  const total = meta?.total ?? rows.length;
  const apartRows = apart.data?.pages.flatMap((p) => p.items) ?? [];
  const apartTotal = apart.data?.pages[0]?.total ?? apartRows.length;
  return (
    <Card
      title="Cohort"
      description="One row per candidate's loop, scored from that loop's scorecards only. Calibrated = the raw average corrected for how leniently each interviewer rates across all loops of the last 12 months; the bar shows where the score most likely lies (95%). Loops that cannot be calibrated are listed apart and never ranked."
    >
      <form
        className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-5"
        onSubmit={(e) => e.preventDefault()}
        aria-label="Cohort filters"
      >
        <Field label="Level" htmlFor="cal-level">
          <ChoiceSelect id="cal-level" value={level} options={LEVELS} allLabel="All levels" onChange={setLevel} />
        </Field>
        <Field label="Target role contains" htmlFor="cal-role">
          <Input id="cal-role" value={role} onChange={(e) => setRole(e.target.value)} placeholder="Backend" />
        </Field>
        <Field label="Loops from" htmlFor="cal-from">
          <Input id="cal-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label="Loops until" htmlFor="cal-to">
          <Input id="cal-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Field label="Sort by" htmlFor="cal-sort">
          <Select id="cal-sort" value={cohortSort(sort)} onChange={(e) => setSort(e.target.value)}>
            <option value="calibrated">Calibrated score</option>
            <option value="raw">Raw score</option>
            <option value="name">Name</option>
          </Select>
        </Field>
      </form>
      {ranked.isPending ? (
        <Skeleton rows={4} />
      ) : ranked.isError ? (
        <Alert>{ranked.error.message}</Alert>
      ) : rows.length === 0 ? (
        <EmptyState title="No submitted scorecards in this cohort yet" />
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite" data-testid="cohort-count">
            {rows.length === total
              ? `${total} ${total === 1 ? "loop" : "loops"} on the calibrated scale`
              : `${rows.length} of ${total} loops on the calibrated scale`}
          </p>
          <ScrollRegion label="Cohort on one scale">
            <table className="w-full text-left text-sm" data-testid="cohort-table">
              <thead className="text-xs text-slate-600">
                <tr>
                  <th scope="col" className="py-2">
                    Candidate
                  </th>
                  <th scope="col">Loop</th>
                  <th scope="col">Raw</th>
                  <th scope="col">Calibrated ± SE</th>
                  <th scope="col">Interval (1–4)</th>
                  {meta?.dimensions.map((d) => (
                    <th key={d.key} scope="col" className="px-1">
                      {d.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((c) => (
                  <tr key={c.loopId} data-testid="cohort-row">
                    <th scope="row" className="py-2 font-medium">
                      <Link className="text-brand-700 hover:underline" href={`/w/${slug}/loops/${c.loopId}/debrief`}>
                        {c.name}
                      </Link>
                    </th>
                    <td className="text-xs text-slate-600">{c.loop}</td>
                    <td className="tabular-nums">{f(c.raw)}</td>
                    <td className="tabular-nums">
                      {f(c.calibrated)} ± {f(c.standardError)}
                    </td>
                    <td>
                      {c.calibrated !== null && <IntervalBar value={c.calibrated} se={c.standardError ?? Number.NaN} />}
                    </td>
                    {meta?.dimensions.map((d) => (
                      <td key={d.key} className="px-1 tabular-nums">
                        {f(c.byDimension[d.key]?.calibrated)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <ShowMore list={ranked} shown={rows.length} total={total} />
        </>
      )}
      {apart.isError ? (
        <Alert className="mt-4">{apart.error.message}</Alert>
      ) : (
        apartRows.length > 0 && (
          <div className="mt-4" data-testid="not-calibrated">
            <h3 className="text-sm font-semibold">Not calibrated (not ranked)</h3>
            <p className="text-xs text-slate-600" data-testid="not-calibrated-count">
              {apartRows.length === apartTotal
                ? `${apartTotal} ${apartTotal === 1 ? "loop" : "loops"}, by name`
                : `${apartRows.length} of ${apartTotal} loops, by name`}
            </p>
            <ul className="mt-1 space-y-1 text-sm">
              {apartRows.map((c) => (
                <li key={c.loopId}>
                  <span className="font-medium">{c.name}</span> · {c.loop} · raw {f(c.raw)}
                  <span className="block text-xs text-slate-600">{c.notCalibratedReason}</span>
                </li>
              ))}
            </ul>
            <ShowMore list={apart} shown={apartRows.length} total={apartTotal} />
          </div>
        )
      )}
      {meta?.updating && (
        <p
          role="status"
          className="mt-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
          data-testid="calibration-updating"
        >
          Updating the calibrated scores with the latest scorecards… this view refreshes by itself.
        </p>
      )}
      {meta?.window.since && (
        <p className="mt-3 text-xs text-slate-600">
          Calibrated together: {meta.window.loops} loop(s) with a scorecard submitted since{" "}
          <LocalTime value={meta.window.since} style="date" />
          {meta.window.truncated ? " (the most recent ones only)" : ""}.
        </p>
      )}
      {meta?.warnings.length ? (
        <details className="mt-2 text-xs text-amber-900">
          <summary className="cursor-pointer">{meta.warnings.length} note(s) on the data</summary>
          <ul className="mt-1 list-disc pl-5">
            {meta.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}
