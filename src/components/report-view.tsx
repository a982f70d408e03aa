"use client";

import dynamic from "next/dynamic";
import { againstBar, likelyRange, type ReportContent } from "@/domain/report";
import { formatInZone } from "@/domain/time-zone";
import { useViewerZone } from "./time";
import { Badge, Card, ScrollRegion, StackedCell, StackedRow, StackedTable } from "./ui";

// The charts (recharts, the heaviest library of the app) load after the content and only where shown; the
// tables beside them carry the same numbers meanwhile. The boxes keep their height, so nothing moves.
const DimensionChart = dynamic(() => import("./report-charts").then((m) => m.DimensionChart), { ssr: false });
const ProgressChart = dynamic(() => import("./report-charts").then((m) => m.ProgressChart), { ssr: false });

export interface ProgressPoint {
  reportId: string;
  label: string;
  at: string;
  dimensions: { name: string; score: number; range: { low: number; high: number } | null }[];
}

const BAR_WORDS = { above: "above the bar", below: "below the bar", near: "close to the bar" } as const;
const BAR_TONE = { above: "green", below: "amber", near: "gray" } as const;
const two = (n: number) => n.toFixed(2);

/** What a candidate sees: the released content, and (on their own page) progress across loops. */
export function ReportView({ content, progress }: { content: ReportContent; progress?: ProgressPoint[] }) {
  const zone = useViewerZone();
  const dims = content.dimensions.map((d) => {
    const range = likelyRange(d);
    return {
      name: d.name,
      score: Number(two(d.score)),
      error: range ? [Number(two(d.score - range.low)), Number(two(range.high - d.score))] : [0, 0],
    };
  });
  const series = [...new Set((progress ?? []).flatMap((p) => p.dimensions.map((d) => d.name)))];
  // One point per loop, labelled with the loop and its date; each dimension's range drawn as an error bar.
  const points = (progress ?? []).map((p) => ({
    loop: `${p.label}, ${formatInZone(p.at, zone, "date")}`,
    /** The axis shows the date; the table and the tooltip the whole label. */
    date: formatInZone(p.at, zone, "date"),
    ...Object.fromEntries(
      p.dimensions.flatMap((d) => [
        [d.name, Number(two(d.score))],
        [
          `${d.name} range`,
          d.range ? [Number(two(d.score - d.range.low)), Number(two(d.range.high - d.score))] : [0, 0],
        ],
      ]),
    ),
    ranges: Object.fromEntries(p.dimensions.map((d) => [d.name, d.range])),
  }));
  return (
    <div className="space-y-6">
      {content.summary && (
        <Card title="Summary">
          <p className="whitespace-pre-line text-slate-800" data-testid="report-summary">
            {content.summary}
          </p>
        </Card>
      )}
      <Card
        title="By dimension"
        description={`Scores on the 1–4 scale from this loop's rounds only, adjusted for how strictly or generously each interviewer tends to rate. The whisker shows the range your score most likely lies in; the dashed line is the bar for a ${content.level}-level candidate (${content.bar}).`}
      >
        <div className="h-64" role="img" aria-label="Bar chart of your scores by dimension against the bar">
          <DimensionChart
            dims={dims}
            bar={content.bar}
            withRanges={content.dimensions.some((d) => Boolean(likelyRange(d)))}
          />
        </div>
        <StackedTable
          className="mt-3"
          caption="Your scores by dimension"
          columns={["Dimension", "Score", "Likely range", "Against the bar", "From"]}
          data-testid="report-dimensions"
        >
          {content.dimensions.map((d) => {
            const range = likelyRange(d);
            const verdict = againstBar(d, content.bar);
            return (
              <StackedRow key={d.key}>
                <StackedCell header>{d.name}</StackedCell>
                <StackedCell label="Score" className="tabular-nums">
                  {two(d.score)}
                </StackedCell>
                <StackedCell label="Likely range" className="tabular-nums">
                  {range ? `${two(range.low)}–${two(range.high)}` : "—"}
                  {d.note && <span className="block text-xs text-slate-600">{d.note}</span>}
                </StackedCell>
                <StackedCell label="Against the bar" className="whitespace-nowrap">
                  <Badge tone={BAR_TONE[verdict]}>{BAR_WORDS[verdict]}</Badge>
                </StackedCell>
                <StackedCell label="From" className="text-xs text-slate-600">
                  {d.rounds.join(", ")}
                </StackedCell>
              </StackedRow>
            );
          })}
        </StackedTable>
      </Card>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Strengths">
          <ul className="space-y-2 text-sm">
            {content.strengths.map((s) => (
              <li key={s.title}>
                <span className="font-medium">{s.title}</span>
                {s.note && <span className="block text-slate-700">{s.note}</span>}
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Growth areas">
          <ul className="space-y-2 text-sm">
            {content.growthAreas.map((s) => (
              <li key={s.title}>
                <span className="font-medium">{s.title}</span>
                {s.note && <span className="block text-slate-700">{s.note}</span>}
              </li>
            ))}
          </ul>
          {content.redFlags.length > 0 && (
            <>
              <h3 className="mt-4 text-sm font-semibold">Habits to work on</h3>
              <ul className="list-disc pl-5 text-sm">
                {content.redFlags.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </>
          )}
        </Card>
      </div>
      {content.excerpts.length > 0 && (
        <Card title="From your interviewers">
          <ul className="space-y-2 text-sm">
            {content.excerpts.map((e, i) => (
              <li key={i}>
                <span className="font-medium">{e.signalTitle}:</span> “{e.text}”{e.by ? ` (${e.by})` : ""}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title="Your practice plan" description="Seven days before your next loop, aimed at your growth areas.">
        <ol className="space-y-3 text-sm" data-testid="practice-plan">
          {content.practicePlan.map((d) => (
            <li key={d.days}>
              <span className="font-semibold">{d.days}:</span> {d.focus}
              {d.items.length > 0 && (
                <ul className="ml-5 list-disc">
                  {d.items.map((item, i) => (
                    <li key={i}>
                      {item.signalTitle}
                      {item.questionTitle
                        ? ` — practise “${item.questionTitle}”`
                        : " — practise with any question of this kind"}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </Card>
      {progress && progress.length > 0 && (
        <Card
          title="Progress across your loops"
          description="One point per loop, from that loop's rounds only; whiskers show where each score most likely lies. A dimension a loop did not assess has no point there."
        >
          <div
            className="h-64"
            role="img"
            aria-label="Line chart of dimension scores over time"
            data-testid="progress-chart"
          >
            <ProgressChart points={points} series={series} />
          </div>
          {/* A card per loop on a phone; with many dimensions the table scrolls inside its frame. */}
          <ScrollRegion label="Scores per loop" className="mt-3">
            <StackedTable caption="Dimension scores per loop, with the likely range" columns={["Loop", ...series]}>
              {points.map((p, i) => (
                <StackedRow key={i}>
                  <StackedCell header className="@xl:font-normal">
                    {p.loop}
                  </StackedCell>
                  {series.map((s) => {
                    const score = (p as Record<string, unknown>)[s];
                    const range = p.ranges[s];
                    return (
                      <StackedCell
                        key={s}
                        label={s}
                        className="whitespace-nowrap tabular-nums @max-xl:whitespace-normal"
                      >
                        {typeof score !== "number"
                          ? "—"
                          : range
                            ? `${two(score)} (${two(range.low)}–${two(range.high)})`
                            : two(score)}
                      </StackedCell>
                    );
                  })}
                </StackedRow>
              ))}
            </StackedTable>
          </ScrollRegion>
        </Card>
      )}
    </div>
  );
}
