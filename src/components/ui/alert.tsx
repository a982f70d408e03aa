import type { ReactNode } from "react";
import { cx } from "./cx";

const tones = {
  error: { line: "text-red-700", box: "bg-red-50 text-red-800 ring-red-200" },
  warning: { line: "text-amber-900", box: "bg-amber-50 text-amber-900 ring-amber-200" },
} as const;

/**
 * A message announced as it appears (role="alert"): an error or a warning. Plain, it is a line of coloured
 * text under what it is about; `boxed` sets it apart above a form.
 */
export function Alert({
  tone = "error",
  boxed,
  className,
  children,
  "data-testid": testId,
}: {
  tone?: keyof typeof tones;
  boxed?: boolean;
  className?: string;
  children: ReactNode;
  "data-testid"?: string;
}) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className={cx("text-sm", boxed ? cx("rounded-md p-3 ring-1", tones[tone].box) : tones[tone].line, className)}
    >
      {children}
    </div>
  );
}
