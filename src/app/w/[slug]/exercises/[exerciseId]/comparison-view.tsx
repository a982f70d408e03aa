import { RATING_LABELS } from "@/components/anchor-grid";
import { Badge, cx } from "@/components/ui";

interface Compared {
  key: string;
  mine: number;
  reference: number;
  reason: string;
  difference: number;
  panel: number[];
}

/** Per signal: my rating, the reference with its reason, and how many others gave each rating. */
export function ComparisonView({
  signals,
  comparison,
}: {
  signals: { key: string; title: string }[];
  comparison: { signals: Compared[]; passed: boolean; verdict: string; meanDifference: number };
}) {
  const title = new Map(signals.map((s) => [s.key, s.title]));
  return (
    <div data-testid="comparison">
      <p className="mb-3 flex flex-wrap items-center gap-2 text-sm" data-testid="verdict">
        <Badge tone={comparison.passed ? "green" : "red"}>{comparison.passed ? "Passed" : "Not passed"}</Badge>
        <span>{comparison.verdict}</span>
      </p>
      <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Your rating, the reference and the panel per signal</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                Signal
              </th>
              <th scope="col" className="px-3 py-2">
                You
              </th>
              <th scope="col" className="px-3 py-2">
                Reference
              </th>
              <th scope="col" className="px-3 py-2">
                Panel (how many gave 1 · 2 · 3 · 4)
              </th>
              <th scope="col" className="px-3 py-2">
                Why the reference
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {comparison.signals.map((s) => {
              const total = s.panel.reduce((a, b) => a + b, 0);
              return (
                <tr key={s.key} data-testid={`compare-${s.key}`}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {title.get(s.key) ?? s.key}
                  </th>
                  <td className="px-3 py-2">
                    {s.mine} <span className="text-slate-500">({RATING_LABELS[s.mine - 1]})</span>
                    {s.difference !== 0 && (
                      <span
                        className={cx(
                          "ml-1 font-semibold",
                          Math.abs(s.difference) >= 2 ? "text-red-700" : "text-amber-800",
                        )}
                      >
                        {s.difference > 0 ? `+${s.difference}` : s.difference}
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {s.reference} <span className="text-slate-500">({RATING_LABELS[s.reference - 1]})</span>
                  </td>
                  <td className="px-3 py-2">
                    {total === 0 ? (
                      <span className="text-slate-500">Nobody else yet</span>
                    ) : (
                      <span
                        className="flex items-end gap-1"
                        aria-label={`Panel: ${s.panel.map((n, i) => `${n} gave ${i + 1}`).join(", ")}`}
                      >
                        {s.panel.map((n, i) => (
                          <span key={i} className="flex flex-col items-center text-xs" aria-hidden>
                            <span
                              className={cx("w-5 rounded-sm", i + 1 === s.reference ? "bg-brand-600" : "bg-slate-400")}
                              style={{ height: `${4 + (n / total) * 28}px` }}
                            />
                            <span>{n}</span>
                          </span>
                        ))}
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2 text-slate-700">{s.reason}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
