import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/time";
import { Badge, Card, PageHeader, ScrollRegion } from "@/components/ui";
import { getServerCaller } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";

export const metadata: Metadata = { title: "How I rate" };
export const dynamic = "force-dynamic";

const signed = (x: number | null, digits = 2) => (x === null ? "—" : `${x > 0 ? "+" : ""}${x.toFixed(digits)}`);
const range = (r: [number, number] | null) => (r ? `${r[0].toFixed(2)} to ${r[1].toFixed(2)}` : "—");

function Figure({
  label,
  value,
  detail,
  children,
}: {
  label: string;
  value: string;
  detail?: string;
  children: string;
}) {
  return (
    <div className="rounded-lg p-4 ring-1 ring-slate-200">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900">{value}</dd>
      {detail && <dd className="text-xs text-slate-500">{detail}</dd>}
      <dd className="mt-2 text-sm text-slate-700">{children}</dd>
    </div>
  );
}

export default async function HowIRatePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ member?: string }>;
}) {
  const { slug } = await params;
  const { member } = await searchParams;
  const ws = await loadWorkspaceWith(slug, "rating.self");
  const r = await (
    await getServerCaller()
  ).exercise.howIRate({ workspaceId: ws.id, ...(member && member.length <= 64 ? { memberId: member } : {}) });
  const [earlier, recent] = r.change.periods;
  return (
    <>
      <PageHeader
        title={r.self ? "How I rate" : `How ${r.name} rates`}
        description="Private: only you and the workspace's coaches see this. Numbers compare you with the panel, from the same calibration the debriefs use."
      />
      <p className="-mt-4 mb-6 text-sm text-slate-600">
        {r.fittedAt ? (
          <>
            Calibrated <LocalTime value={r.fittedAt} /> from {r.panel.interviewers} interviewers
            {r.updating ? " (an update with newer scorecards is on its way)" : ""}.
          </>
        ) : (
          "Not calibrated yet."
        )}{" "}
        <Link href={`/w/${slug}/exercises`} className="font-medium text-brand-700 underline">
          Calibration exercises
        </Link>
      </p>
      {r.notMeasuredReason && (
        <p className="mb-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
          {r.notMeasuredReason}
        </p>
      )}
      <dl className="mb-6 grid gap-4 md:grid-cols-2" data-testid="how-i-rate">
        <Figure
          label="Leniency (severity)"
          value={signed(r.severity.value)}
          detail={`range ${range(r.severity.interval)} · 0 is the panel`}
        >
          {r.severity.explanation}
        </Figure>
        <Figure
          label="Scale use (gain)"
          value={r.gain.value === null ? "—" : r.gain.value.toFixed(2)}
          detail={`range ${range(r.gain.interval)} · 1 is the panel`}
        >
          {r.gain.explanation}
        </Figure>
        <Figure
          label="Distance from co-panelists"
          value={r.agreement.panelGap === null ? "—" : `${r.agreement.panelGap.toFixed(2)} points`}
          detail={`${r.scorecards} scorecards in the last 365 days`}
        >
          {r.agreement.explanation}
        </Figure>
        <Figure
          label="Time to submit (median)"
          value={r.timeToSubmit.medianHours === null ? "—" : `${r.timeToSubmit.medianHours.toFixed(1)} h`}
        >
          {r.timeToSubmit.explanation}
        </Figure>
      </dl>
      <Card
        title="By dimension"
        description="The same model fitted on each dimension's ratings alone: relative to the panel on that dimension."
        className="mb-6"
      >
        {r.dimensions.length === 0 ? (
          <p className="text-sm text-slate-600">No dimension has enough shared candidates to compare yet.</p>
        ) : (
          <ScrollRegion label="Your rating by dimension">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="text-left text-xs font-semibold text-slate-700">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    Dimension
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Leniency (range)
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Scale use (range)
                  </th>
                  <th scope="col" className="py-2">
                    In words
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {r.dimensions.map((d) => (
                  <tr key={d.key}>
                    <th scope="row" className="py-2 pr-3 text-left font-medium">
                      {d.name} <span className="font-normal text-slate-500">({d.ratings} ratings)</span>
                    </th>
                    <td className="py-2 pr-3">
                      {signed(d.severity)} <span className="text-slate-500">({range(d.severityInterval)})</span>
                    </td>
                    <td className="py-2 pr-3">
                      {d.gain === null ? "—" : d.gain.toFixed(2)}{" "}
                      <span className="text-slate-500">({range(d.gainInterval)})</span>
                    </td>
                    <td className="py-2 text-slate-700">
                      {d.severityExplanation} {d.gainExplanation}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>
      <Card
        title="Change over time"
        description="The last 90 days against the 90 days before, each against your co-panelists on the same candidates. (The calibration covers a rolling year, so it changes slowly; two separate periods show a change sooner.)"
        className="mb-6"
      >
        <p className="mb-3 text-sm text-slate-800" data-testid="change-summary">
          {r.change.summary}
        </p>
        <ScrollRegion label="Your rating in the two periods">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="text-left text-xs font-semibold text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  Period
                </th>
                <th scope="col" className="py-2 pr-3">
                  Scorecards
                </th>
                <th scope="col" className="py-2 pr-3">
                  Above co-panelists (±2 SE)
                </th>
                <th scope="col" className="py-2 pr-3">
                  Distance from them
                </th>
                <th scope="col" className="py-2">
                  Median time to submit
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {[earlier, recent].map((p, i) => (
                <tr key={i}>
                  <th scope="row" className="py-2 pr-3 text-left font-medium">
                    {i === 0 ? "Earlier 90 days" : "Last 90 days"}
                  </th>
                  <td className="py-2 pr-3">{p.scorecards}</td>
                  <td className="py-2 pr-3">
                    {signed(p.signedGap)}
                    {p.signedGapSe !== null && (
                      <span className="text-slate-500"> (±{(2 * p.signedGapSe).toFixed(2)})</span>
                    )}
                  </td>
                  <td className="py-2 pr-3">{p.absoluteGap === null ? "—" : p.absoluteGap.toFixed(2)}</td>
                  <td className="py-2">
                    {p.medianHoursToSubmit === null ? "—" : `${p.medianHoursToSubmit.toFixed(1)} h`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>
      <Card title="Exercises">
        {r.exercises.length === 0 ? (
          <p className="text-sm text-slate-600">
            No exercise rated yet.{" "}
            <Link href={`/w/${slug}/exercises`} className="text-brand-700 underline">
              Rate a practice case
            </Link>{" "}
            to compare yourself with a reference.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {r.exercises.map((e, i) => (
              <li key={i} className="flex flex-wrap items-center gap-2 py-2">
                <Badge tone={e.passed ? "green" : "red"}>{e.passed ? "Passed" : "Not passed"}</Badge>
                <span className="font-medium">{e.title}</span>
                <span className="text-slate-600">
                  {e.meanDifference.toFixed(2)} points from the reference on average ·{" "}
                  <LocalTime value={e.submittedAt} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
