"use client";

// One figure of the analytics page: a chart, the table of the same numbers beside it (the chart's text
// alternative; the chart is one labelled image that points to it), and the table as a CSV file to download.
import type { ReactNode } from "react";
import { Button, Card, EmptyState, ScrollRegion } from "@/components/ui";
import { encodeCsv, type CsvCell } from "@/domain/csv";

export interface Column {
  label: string;
  /** How a value is shown in the table; the CSV has the value itself. */
  format?: (value: CsvCell) => string;
}

const shown = (value: CsvCell, column: Column) =>
  column.format ? column.format(value) : value === null || value === undefined ? "—" : String(value);

function download(name: string, columns: Column[], rows: CsvCell[][]) {
  const csv = encodeCsv(
    columns.map((c) => c.label),
    rows,
  );
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${name}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function ChartCard({
  id,
  title,
  description,
  chart,
  columns,
  rows,
  empty,
  wide,
  children,
}: {
  /** Names the CSV file and the test ids. */
  id: string;
  title: string;
  description: string;
  chart: ReactNode;
  columns: Column[];
  rows: CsvCell[][];
  /** Shown instead of the chart and table when there are no rows. */
  empty: string;
  /** A table of many columns: it goes under the chart instead of beside it, where it has the card's width. */
  wide?: boolean;
  children?: ReactNode;
}) {
  return (
    <Card
      title={title}
      description={description}
      actions={
        <Button
          type="button"
          variant="secondary"
          onClick={() => download(`analytics-${id}`, columns, rows)}
          aria-label={`Download ${title} as CSV`}
          data-testid={`csv-${id}`}
        >
          Download CSV
        </Button>
      }
    >
      {children}
      {rows.length === 0 ? (
        <EmptyState title="Nothing in this period">{empty}</EmptyState>
      ) : (
        <div className={wide ? "grid gap-4" : "grid gap-4 xl:grid-cols-2"}>
          <div
            className="h-64 min-w-0"
            role="img"
            aria-label={`Chart of ${title.toLowerCase()}; the table has its numbers`}
          >
            {chart}
          </div>
          <ScrollRegion label={`${title}: table`}>
            <table className="w-full text-left text-sm tabular-nums" data-testid={`table-${id}`}>
              <caption className="sr-only">{title}</caption>
              <thead className="text-xs text-slate-600">
                <tr>
                  {columns.map((c) => (
                    <th key={c.label} scope="col" className="py-2 pr-3 font-medium">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((value, j) =>
                      j === 0 ? (
                        <th key={j} scope="row" className="py-1.5 pr-3 font-medium">
                          {shown(value, columns[j]!)}
                        </th>
                      ) : (
                        <td key={j} className="py-1.5 pr-3">
                          {shown(value, columns[j]!)}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
    </Card>
  );
}
