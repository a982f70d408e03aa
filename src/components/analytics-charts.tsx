"use client";

// The analytics page's charts, loaded on demand (next/dynamic) like the report's: recharts stays out of
// every page's first load. Each chart has a table beside it with the same numbers (the text alternative), so
// the charts take no keyboard focus (no accessibility layer) and their frame is one labelled image.
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

export interface Series {
  key: string;
  name: string;
  /** Key of a [below, above] error for whiskers. */
  error?: string;
}

export function BarsChart({
  data,
  x,
  series,
  yLabel,
  zeroLine,
}: {
  data: Record<string, unknown>[];
  x: string;
  series: Series[];
  yLabel: string;
  zeroLine?: boolean;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart accessibilityLayer={false} data={data} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={x} tick={{ fontSize: 11 }} />
        <YAxis tick={{ fontSize: 11 }} label={{ value: yLabel, angle: -90, position: "insideLeft", fontSize: 12 }} />
        <Tooltip />
        {series.length > 1 && <Legend />}
        {zeroLine && <ReferenceLine y={0} stroke="#333" />}
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={seriesColor(i)}>
            {s.error && <ErrorBar dataKey={s.error} width={6} strokeWidth={1.5} stroke="#333" direction="y" />}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function LinesChart({
  data,
  x,
  series,
  yLabel,
  domain,
}: {
  data: Record<string, unknown>[];
  x: string;
  series: Series[];
  yLabel: string;
  domain?: [number, number];
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart accessibilityLayer={false} data={data} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={x} tick={{ fontSize: 11 }} padding={{ left: 16, right: 16 }} />
        <YAxis
          tick={{ fontSize: 11 }}
          domain={domain ?? ["auto", "auto"]}
          label={{ value: yLabel, angle: -90, position: "insideLeft", fontSize: 12 }}
        />
        <Tooltip />
        {series.length > 1 && <Legend />}
        {series.map((s, i) => (
          <Line
            key={s.key}
            type="linear"
            dataKey={s.key}
            name={s.name}
            stroke={seriesColor(i)}
            strokeWidth={2}
            strokeDasharray={i % 2 ? "6 3" : undefined}
            dot={{ r: 3 }}
            connectNulls={false}
          >
            {s.error && <ErrorBar dataKey={s.error} width={4} stroke={seriesColor(i)} direction="y" />}
          </Line>
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
