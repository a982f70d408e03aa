"use client";

import { RATING_LABELS } from "@/components/anchor-grid";
import { Card, Textarea, cx } from "@/components/ui";
import type { SignalAnswer } from "@/domain/scorecard";

export interface RatedSignal {
  key: string;
  title: string;
  description: string;
  /** Behavioural anchors of ratings 1–4. */
  anchors: string[];
}

/**
 * One signal's rating control: the four anchored ratings (and "not observed" where allowed) as a radio
 * group, then the evidence box. The scorecard and the calibration exercises both rate with it.
 */
export function SignalRatingCard({
  signal,
  answer,
  onChange,
  allowNotObserved = true,
  evidenceLabel = "Evidence (what you saw and heard)",
}: {
  signal: RatedSignal;
  answer: SignalAnswer | undefined;
  onChange: (patch: Partial<SignalAnswer>) => void;
  allowNotObserved?: boolean;
  evidenceLabel?: string;
}) {
  const s = signal;
  return (
    <Card title={s.title} description={s.description}>
      <div
        role="radiogroup"
        aria-label={`Rating for ${s.title}`}
        className={cx("grid gap-2", allowNotObserved ? "sm:grid-cols-5" : "sm:grid-cols-4")}
        data-testid={`rating-${s.key}`}
      >
        {([1, 2, 3, 4] as const).map((n) => (
          <label
            key={n}
            className={cx(
              "cursor-pointer rounded-md p-2 text-xs ring-1",
              answer?.rating === n ? "bg-brand-50 ring-brand-600" : "ring-slate-200 hover:bg-slate-50",
            )}
          >
            <input
              type="radio"
              id={`rating-${s.key}-${n}`}
              className="mr-1"
              name={`rating-${s.key}`}
              checked={answer?.rating === n}
              onChange={() => onChange({ rating: n })}
            />
            <span className="font-semibold">{RATING_LABELS[n - 1]}</span>
            <span className="mt-1 block text-slate-700">{s.anchors[n - 1]}</span>
          </label>
        ))}
        {allowNotObserved && (
          <label
            className={cx(
              "cursor-pointer rounded-md p-2 text-xs ring-1",
              answer?.rating === "not_observed" ? "bg-slate-100 ring-slate-500" : "ring-slate-200 hover:bg-slate-50",
            )}
          >
            <input
              type="radio"
              className="mr-1"
              name={`rating-${s.key}`}
              checked={answer?.rating === "not_observed"}
              onChange={() => onChange({ rating: "not_observed" })}
            />
            <span className="font-semibold">Not observed</span>
          </label>
        )}
      </div>
      <label className="mt-3 block text-sm font-medium" htmlFor={`evidence-${s.key}`}>
        {evidenceLabel}
      </label>
      <Textarea
        id={`evidence-${s.key}`}
        rows={2}
        className="mt-1"
        value={answer?.evidence ?? ""}
        onChange={(e) => onChange({ evidence: e.target.value })}
      />
    </Card>
  );
}
