"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useParams } from "next/navigation";
import { Alert, Card, ChoiceSelect, EmptyState, Field, Input, Select, Skeleton } from "@/components/ui";
import { LEVELS } from "@/schemas/library";
import { ScrollRegion } from "@/components/tables";
import { LocalTime } from "@/components/time";
import { useUrlState } from "@/components/url-state";
import { useTRPC } from "@/trpc/react";

const f = (n: number | null | undefined, d = 2) =>
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

type SortKey = "calibrated" | "raw" | "name";

/** Two decimals without a "-0.00": a value that rounds to zero is shown as 0.00. */
function twoDecimals(value: number): string {
  const text = value.toFixed(2);
  return text === "-0.00" ? "0.00" : text;
}

export function CalibrationView({ workspaceId }: { workspaceId: string }) {
  const { slug } = useParams<{ slug: string }>();
  const trpc = useTRPC();
  // Filters live in the URL, so a reload or a shared link keeps them.
  const [level, setLevel] = useUrlState("level");
  const [role, setRole] = useUrlState("role");
  const [sortParam, setSort] = useUrlState("sort", "calibrated");
  const sort = (["calibrated", "raw", "name"].includes(sortParam) ? sortParam : "calibrated") as SortKey;
  const [from, setFrom] = useUrlState("from");
  const [to, setTo] = useUrlState("to");
  const cohort = useQuery({
    ...trpc.calibration.cohort.queryOptions({
      workspaceId,
      level: (level || undefined) as (typeof LEVELS)[number] | undefined,
      targetRole: role.trim() || undefined,
      from: from ? new Date(from) : undefined,
      to: to ? new Date(`${to}T23:59:59`) : undefined,
    }),
    // While the background fit catches up with new scorecards, look again every 2 s.
    refetchInterval: (query) => (query.state.data?.updating ? 2_000 : false),
  });
  const report = useQuery({
    ...trpc.calibration.interviewers.queryOptions({ workspaceId }),
    refetchInterval: (query) => (query.state.data?.updating ? 2_000 : false),
  });
  const rows = [...(cohort.data?.candidates ?? [])].sort((a, b) =>
    sort === "name" ? a.name.localeCompare(b.name) : (b[sort] ?? 0) - (a[sort] ?? 0),
  );
  return (
    <div className="space-y-6">
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
            <ChoiceSelect
              id="cal-level"
              value={level}
              options={LEVELS}
              allLabel="All levels"
              onChange={(value) => setLevel(value)}
            />
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
            <Select id="cal-sort" value={sort} onChange={(e) => setSort(e.target.value)}>
              <option value="calibrated">Calibrated score</option>
              <option value="raw">Raw score</option>
              <option value="name">Name</option>
            </Select>
          </Field>
        </form>
        {cohort.isPending ? (
          <Skeleton rows={4} />
        ) : cohort.isError ? (
          <Alert>{cohort.error.message}</Alert>
        ) : rows.length === 0 ? (
          <EmptyState title="No submitted scorecards in this cohort yet" />
        ) : (
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
                  {cohort.data.dimensions.map((d) => (
                    <th key={d.key} scope="col" className="px-1">
                      {d.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((c) => (
                  <tr key={c.loopId}>
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
                    {cohort.data.dimensions.map((d) => (
                      <td key={d.key} className="px-1 tabular-nums">
                        {f(c.byDimension[d.key]?.calibrated)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {cohort.data && cohort.data.notCalibrated.length > 0 && (
          <div className="mt-4" data-testid="not-calibrated">
            <h3 className="text-sm font-semibold">Not calibrated (not ranked)</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {cohort.data.notCalibrated.map((c) => (
                <li key={c.loopId}>
                  <span className="font-medium">{c.name}</span> · {c.loop} · raw {f(c.raw)}
                  <span className="block text-xs text-slate-600">{c.notCalibratedReason}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {cohort.data?.updating && (
          <p
            role="status"
            className="mt-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
            data-testid="calibration-updating"
          >
            Updating the calibrated scores with the latest scorecards… this view refreshes by itself.
          </p>
        )}
        {cohort.data?.window.since && (
          <p className="mt-3 text-xs text-slate-600">
            Calibrated together: {cohort.data.window.loops} loop(s) with a scorecard submitted since{" "}
            <LocalTime value={cohort.data.window.since} style="date" />
            {cohort.data.window.truncated ? " (the most recent ones only)" : ""}.
          </p>
        )}
        {cohort.data?.warnings.length ? (
          <details className="mt-2 text-xs text-amber-900">
            <summary className="cursor-pointer">{cohort.data.warnings.length} note(s) on the data</summary>
            <ul className="mt-1 list-disc pl-5">
              {cohort.data.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </Card>

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
