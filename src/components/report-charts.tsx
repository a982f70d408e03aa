"use client";

// The report's two charts, loaded on demand by report-view.tsx (next/dynamic): recharts stays out of every
// page's first load.
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { seriesColor } from "./chart-palette";

export function DimensionChart({
  dims,
  bar,
  withRanges,
}: {
  dims: { name: string; score: number; error: number[] }[];
  bar: number;
  withRanges: boolean;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={dims} margin={{ left: 0, right: 16, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} />
        <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} label={{ value: "score", angle: -90, position: "insideLeft" }} />
        <Tooltip />
        <ReferenceLine
          y={bar}
          stroke="#D55E00"
          strokeDasharray="6 3"
          label={{ value: `bar ${bar}`, position: "insideTopRight", fontSize: 12 }}
        />
        <Bar dataKey="score" fill={seriesColor(0)} name="Score">
          {withRanges && <ErrorBar dataKey="error" width={6} strokeWidth={1.5} stroke="#333" direction="y" />}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export function ProgressChart({ points, series }: { points: Record<string, unknown>[]; series: string[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ left: 0, right: 16, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" tick={{ fontSize: 11 }} interval={0} padding={{ left: 24, right: 24 }} />
        <Tooltip labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.loop ?? "")} />
        <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} />
        <Legend />
        {series.map((name, i) => (
          <Line
            key={name}
            type="linear"
            dataKey={name}
            stroke={seriesColor(i)}
            strokeWidth={2}
            strokeDasharray={i % 2 ? "6 3" : undefined}
            dot={{ r: 4 }}
            connectNulls={false}
          >
            <ErrorBar dataKey={`${name} range`} width={4} stroke={seriesColor(i)} direction="y" />
          </Line>
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
