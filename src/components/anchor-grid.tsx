import { cx } from "./ui";

export const RATING_LABELS = ["1 — clear concern", "2 — below the bar", "3 — meets the bar", "4 — strong"] as const;

/** A signal's four behavioural anchors, one per rating. */
export function AnchorGrid({ anchors, className }: { anchors: readonly string[]; className?: string }) {
  return (
    <dl className={cx("grid gap-2 sm:grid-cols-2", className)} data-testid="signal-anchors">
      {anchors.map((a, i) => (
        <div key={i} className="rounded bg-slate-50 p-2 text-sm print:bg-white print:ring-1 print:ring-slate-300">
          <dt className="font-medium text-slate-900">{RATING_LABELS[i]}</dt>
          <dd className="text-slate-700">{a}</dd>
        </div>
      ))}
    </dl>
  );
}
