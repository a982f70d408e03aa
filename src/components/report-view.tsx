"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ReportContent } from "@/domain/report";
import { Badge, Card } from "./ui";

// Okabe–Ito: distinguishable with the common forms of colour blindness.
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9"];

/** What a candidate sees: the released content, and (on their own page) progress across loops. */
export function ReportView({ content, progress }: { content: ReportContent; progress?: { at: string; dimensions: Record<string, number> }[] }) {
  const dims = content.dimensions.map((d) => ({ name: d.name, score: Number(d.calibrated.toFixed(2)), low: Number((d.calibrated - 1.96 * d.standardError).toFixed(2)) }));
  const series = [...new Set((progress ?? []).flatMap((p) => Object.keys(p.dimensions)))];
  const points = (progress ?? []).map((p) => ({ at: new Date(p.at).toLocaleDateString(), ...p.dimensions }));
  return (
    <div className="space-y-6">
      {content.summary && (
        <Card title="Summary">
          <p className="whitespace-pre-line text-slate-800" data-testid="report-summary">{content.summary}</p>
        </Card>
      )}
      <Card title="By dimension" description={`Calibrated scores on the 1–4 scale; the line is the bar for a ${content.level}-level candidate (${content.bar}).`}>
        <div className="h-64" role="img" aria-label="Bar chart of calibrated scores by dimension against the bar">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={dims} margin={{ left: 0, right: 16, top: 8, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" tick={{ fontSize: 12 }} />
              <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} label={{ value: "score", angle: -90, position: "insideLeft" }} />
              <Tooltip />
              <ReferenceLine y={content.bar} stroke="#D55E00" strokeDasharray="6 3" label={{ value: "bar", position: "right" }} />
              <Bar dataKey="score" fill={PALETTE[0]} name="Calibrated score" />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <table className="mt-3 w-full text-sm" data-testid="report-dimensions">
          <caption className="sr-only">Calibrated scores by dimension</caption>
          <thead className="text-left text-xs text-slate-600">
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Score ± SE</th>
              <th scope="col">Against the bar</th>
            </tr>
          </thead>
          <tbody>
            {content.dimensions.map((d) => (
              <tr key={d.key}>
                <th scope="row" className="py-1 text-left font-medium">{d.name}</th>
                <td className="tabular-nums">
                  {d.calibrated.toFixed(2)} ± {d.standardError.toFixed(2)}
                </td>
                <td>{d.calibrated >= content.bar ? <Badge tone="green">at or above</Badge> : <Badge tone="amber">below</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
                      {item.questionTitle ? ` — practise “${item.questionTitle}”` : " — practise with any question of this kind"}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </Card>
      {progress && progress.length > 0 && (
        <Card title="Progress across your loops" description="Calibrated score per dimension at each released report.">
          <div className="h-64" role="img" aria-label="Line chart of dimension scores over time" data-testid="progress-chart">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={points} margin={{ left: 0, right: 16, top: 8, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="at" label={{ value: "report", position: "insideBottom", offset: -4 }} />
                <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} />
                <Tooltip />
                <Legend />
                {series.map((name, i) => (
                  <Line key={name} type="monotone" dataKey={name} stroke={PALETTE[i % PALETTE.length]} strokeWidth={2} dot />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <table className="mt-3 w-full text-sm">
            <caption className="sr-only">Dimension scores per report</caption>
            <thead className="text-left text-xs text-slate-600">
              <tr>
                <th scope="col">Report</th>
                {series.map((s) => (
                  <th key={s} scope="col">{s}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) => (
                <tr key={i}>
                  <th scope="row" className="text-left font-normal">{p.at}</th>
                  {series.map((s) => (
                    <td key={s} className="tabular-nums">{(p as Record<string, unknown>)[s] === undefined ? "—" : String((p as Record<string, unknown>)[s])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
