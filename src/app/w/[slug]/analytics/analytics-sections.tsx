"use client";

import dynamic from "next/dynamic";
import { Alert } from "@/components/ui";
import type { CsvCell } from "@/domain/csv";
import type { RouterOutputs } from "@/trpc/types";
import { ChartCard } from "./chart-card";

// Loaded when the page is idle, as the report's charts are: recharts is not part of the first load. The
// tables beside them carry the same numbers meanwhile, and the boxes keep their height.
const BarsChart = dynamic(() => import("@/components/analytics-charts").then((m) => m.BarsChart), { ssr: false });
const LinesChart = dynamic(() => import("@/components/analytics-charts").then((m) => m.LinesChart), { ssr: false });

type Data = RouterOutputs["analytics"]["get"];

const num = (digits: number) => (v: CsvCell) => (typeof v === "number" ? v.toFixed(digits) : "—");
const pct = (v: CsvCell) => (typeof v === "number" ? `${Math.round(v * 100)}%` : "—");
const signed = (v: CsvCell) =>
  typeof v === "number" ? `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(v).toFixed(2)}` : "—";
/** Numbers in a CSV: at most four decimals, so a spreadsheet reads them as they are shown. */
const csv = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);
const weekOf = (day: string) => `Week of ${day}`;
const monthOf = (day: string) => day.slice(0, 7);

export function AnalyticsSections({ data }: { data: Data }) {
  const s = data.submissions;
  const timingRows: CsvCell[][] = [
    [
      "All interviewers",
      s.overall.ended,
      s.overall.submitted,
      csv(s.overall.submissionRate),
      s.overall.overdue,
      csv(s.overall.medianHours),
      csv(s.overall.p90Hours),
    ],
    ...s.byInterviewer.map((r) => [
      r.name,
      r.ended,
      r.submitted,
      csv(r.submissionRate),
      r.overdue,
      csv(r.medianHours),
      csv(r.p90Hours),
    ]),
  ];
  return (
    <div className="space-y-6">
      {data.calibration.updating && (
        <Alert tone="warning" boxed>
          Calibration is being updated with the latest scorecards: the change between loops and the drift use the last
          stored fit until it finishes.
        </Alert>
      )}
      <ChartCard
        id="scorecard-timing"
        title="Time to submit scorecards"
        description={`Rounds that ended in the period, and how many hours after the end their interviewer submitted the scorecard. A scorecard not in ${s.dueHours} hours after its round is overdue (open loops).`}
        columns={[
          { label: "Interviewer" },
          { label: "Rounds ended" },
          { label: "Submitted" },
          { label: "Submission rate", format: pct },
          { label: "Overdue" },
          { label: "Median hours", format: num(1) },
          { label: "90th percentile hours", format: num(1) },
        ]}
        rows={s.overall.ended === 0 ? [] : timingRows}
        empty="No round with an interviewer ended in this period."
        wide
        chart={
          <BarsChart
            data={s.byInterviewer.map((r) => ({ name: r.name, median: r.medianHours, p90: r.p90Hours }))}
            x="name"
            yLabel="hours"
            series={[
              { key: "median", name: "Median hours" },
              { key: "p90", name: "90th percentile hours" },
            ]}
          />
        }
      />
      <div className="grid gap-6 2xl:grid-cols-2">
        <ChartCard
          id="loops-by-status"
          title="Loops by status"
          description="Loops created in the period, by where they are now."
          columns={[{ label: "Status" }, { label: "Loops" }]}
          rows={data.stages[0]!.loops === 0 ? [] : data.statuses.map((r) => [r.label, r.loops])}
          empty="No loop was created in this period."
          chart={<BarsChart data={data.statuses} x="label" yLabel="loops" series={[{ key: "loops", name: "Loops" }]} />}
        />
        <ChartCard
          id="loops-by-outcome"
          title="Loops by debrief outcome"
          description="Loops created in the period, by the coach's decision at the debrief."
          columns={[{ label: "Outcome" }, { label: "Loops" }]}
          rows={data.stages[0]!.loops === 0 ? [] : data.outcomes.map((r) => [r.label, r.loops])}
          empty="No loop was created in this period."
          chart={<BarsChart data={data.outcomes} x="label" yLabel="loops" series={[{ key: "loops", name: "Loops" }]} />}
        />
      </div>
      <ChartCard
        id="pass-through"
        title="Pass-through by stage"
        description="Loops created in the period that reached each stage, each stage within the one before: every round booked, every scorecard in, a debrief decision, a released report."
        columns={[
          { label: "Stage" },
          { label: "Loops" },
          { label: "Of created", format: pct },
          { label: "Of the stage before", format: pct },
        ]}
        rows={
          data.stages[0]!.loops === 0
            ? []
            : data.stages.map((r) => [r.label, r.loops, csv(r.ofCreated), csv(r.ofPrevious)])
        }
        empty="No loop was created in this period."
        chart={<BarsChart data={data.stages} x="label" yLabel="loops" series={[{ key: "loops", name: "Loops" }]} />}
      />
      <ChartCard
        id="improvement"
        title="Candidate improvement between loops"
        description="Change of each dimension's calibrated score from a candidate's loop to their next one (the later loop created in the period), averaged; the range is ± 2 standard errors. Scores come from the stored calibration fit."
        columns={[
          { label: "Dimension" },
          { label: "Pairs of loops" },
          { label: "Average change", format: signed },
          { label: "Range from", format: signed },
          { label: "Range to", format: signed },
        ]}
        rows={data.improvement.map((r) => [r.name, r.pairs, csv(r.mean), csv(r.low), csv(r.high)])}
        empty="No candidate had two calibrated loops in a row in this period."
        chart={
          <BarsChart
            data={data.improvement.map((r) => ({
              name: r.name,
              mean: r.mean,
              range: r.low === null || r.high === null ? [0, 0] : [r.mean - r.low, r.high - r.mean],
            }))}
            x="name"
            yLabel="change (points)"
            zeroLine
            series={[{ key: "mean", name: "Average change", error: "range" }]}
          />
        }
      />
      <ChartCard
        id="interviewer-load"
        title="Interviewer load against weekly caps"
        description={`Rounds each interviewer was booked to lead, per Monday-to-Sunday week of the period (${data.period.weeks} weeks), against the cap in their interviewer settings. Every booked round counts, whatever the loop filters.`}
        columns={[
          { label: "Interviewer" },
          { label: "Weekly cap" },
          { label: "Rounds" },
          { label: "Busiest week" },
          { label: "Average a week", format: num(2) },
          { label: "Weeks at the cap" },
          { label: "Weeks over the cap" },
        ]}
        rows={data.load.map((r) => [
          r.name,
          r.weeklyCap,
          r.rounds,
          r.busiestWeek,
          csv(r.perWeek),
          r.weeksAtCap,
          r.weeksOverCap,
        ])}
        empty="Nobody was booked to lead a round in this period."
        wide
        chart={
          <BarsChart
            data={data.load.map((r) => ({ name: r.name, busiest: r.busiestWeek, cap: r.weeklyCap }))}
            x="name"
            yLabel="rounds a week"
            series={[
              { key: "busiest", name: "Busiest week" },
              { key: "cap", name: "Weekly cap" },
            ]}
          />
        }
      />
      <ChartCard
        id="moves"
        title="Reschedules and cancellations"
        description="Rounds moved to another time and rounds cancelled, per week, as the audit log recorded them (a cancellation later undone still counts)."
        columns={[
          { label: "Week", format: (v) => weekOf(String(v)) },
          { label: "Rescheduled" },
          { label: "Cancelled" },
        ]}
        rows={data.moves.map((r) => [r.week, r.rescheduled, r.cancelled])}
        empty="No round was moved or cancelled in this period."
        chart={
          <BarsChart
            data={data.moves.map((r) => ({ ...r }))}
            x="week"
            yLabel="rounds"
            series={[
              { key: "rescheduled", name: "Rescheduled" },
              { key: "cancelled", name: "Cancelled" },
            ]}
          />
        }
      />
      <ChartCard
        id="agreement"
        title="Agreement between interviewers"
        description="Krippendorff's alpha (ordinal) per month, over each loop's signals rated by two or more interviewers; a loop counts in the month of its last scorecard. 1 is full agreement, 0 what chance would give."
        columns={[
          { label: "Month", format: (v) => monthOf(String(v)) },
          { label: "Alpha", format: num(2) },
          { label: "Signals rated twice or more" },
        ]}
        rows={data.agreement.months.map((r) => [r.month, csv(r.alpha), r.units])}
        empty="No signal was rated by two interviewers in this period."
        chart={
          <LinesChart
            data={data.agreement.months.map((r) => ({ month: monthOf(r.month), alpha: r.alpha }))}
            x="month"
            yLabel="alpha"
            domain={[-0.2, 1]}
            series={[{ key: "alpha", name: "Alpha" }]}
          />
        }
      >
        {data.agreement.overall !== null && (
          <p className="mb-3 text-sm text-slate-700">
            Over the whole period: alpha {data.agreement.overall.toFixed(2)} from {data.agreement.units} signals.
          </p>
        )}
      </ChartCard>
      <ChartCard
        id="calibration-drift"
        title="Calibration drift"
        description="Per month, how far loops' raw averages sat from their calibrated scores (raw − calibrated, overall): above 0, interviewers rated more generously than the panel's usual; below 0, more strictly. The range is ± 2 standard errors."
        columns={[
          { label: "Month", format: (v) => monthOf(String(v)) },
          { label: "Loops" },
          { label: "Raw − calibrated", format: signed },
          { label: "Standard error", format: num(2) },
        ]}
        rows={data.drift.map((r) => [r.month, r.loops, csv(r.mean), csv(r.standardError)])}
        empty={
          data.calibration.fitted
            ? "No calibrated loop had its last scorecard in this period."
            : "Calibration has not run yet."
        }
        chart={
          <LinesChart
            data={data.drift.map((r) => ({
              month: monthOf(r.month),
              gap: r.mean,
              range: r.standardError === null ? [0, 0] : [2 * r.standardError, 2 * r.standardError],
            }))}
            x="month"
            yLabel="points"
            series={[{ key: "gap", name: "Raw − calibrated", error: "range" }]}
          />
        }
      />
    </div>
  );
}
