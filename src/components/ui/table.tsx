// The two kinds of table on a phone. Short lists (a few columns of words) become stacked cards when their
// space is narrow: each row a card, each value with its column's name beside it, the column headers kept
// for screen readers. Wide tables of numbers (a matrix, a cohort) stay tables and scroll sideways inside a
// region the keyboard can reach, so the page itself never scrolls sideways.
import type { ReactNode } from "react";
import { cx } from "./cx";

/** A wide data table's frame: it scrolls inside itself, and is focusable so it scrolls from the keyboard. */
export function ScrollRegion({
  label,
  children,
  className,
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cx("overflow-x-auto", className)} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

type Column = string | { label: string; srOnly: true };

/**
 * A table that turns into one card per row where it has less than 36rem: on a phone, and in a narrow
 * column such as the report editor's preview or half of the debrief (a container query, not the screen's
 * width). Fill it with StackedRow and StackedCell.
 */
export function StackedTable({
  columns,
  caption,
  children,
  className,
  "data-testid": testId,
}: {
  columns: Column[];
  caption?: string;
  children: ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  return (
    <div className={cx("@container", className)}>
      <table className="w-full text-left text-sm @max-xl:block" data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="text-xs text-slate-600 @max-xl:sr-only">
          <tr>
            {columns.map((c) =>
              typeof c === "string" ? (
                <th key={c} scope="col" className="py-2 pr-3 font-medium">
                  {c}
                </th>
              ) : (
                <th key={c.label} scope="col" className="py-2">
                  <span className="sr-only">{c.label}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top @max-xl:block">{children}</tbody>
      </table>
    </div>
  );
}

export function StackedRow({
  children,
  className,
  ...rest
}: {
  children: ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  return (
    <tr {...rest} className={cx("@max-xl:flex @max-xl:flex-col @max-xl:gap-1.5 @max-xl:py-3", className)}>
      {children}
    </tr>
  );
}

/**
 * One value of a row. `header` makes it the row's header (the card's title when stacked); `label` (the
 * column's name) is shown beside the value when stacked, where the column headers are hidden, or above it
 * for a `prose` value (sentences need the card's whole width).
 */
export function StackedCell({
  header,
  label,
  prose,
  children,
  className,
}: {
  header?: boolean;
  label?: string;
  prose?: boolean;
  children: ReactNode;
  className?: string;
}) {
  if (header) {
    return (
      <th scope="row" className={cx("py-2 pr-3 text-left font-medium break-words @max-xl:py-0", className)}>
        {children}
      </th>
    );
  }
  return (
    <td
      className={cx(
        "py-2 pr-3 @max-xl:py-0",
        label &&
          !prose &&
          "@max-xl:grid @max-xl:grid-cols-[7.5rem_minmax(0,1fr)] @max-xl:items-baseline @max-xl:gap-x-3",
        label && prose && "@max-xl:block",
        className,
      )}
    >
      {label ? (
        <>
          {/* Hidden from screen readers, which announce the column header instead. */}
          <span aria-hidden className={cx("text-xs text-slate-600 @xl:hidden", prose && "block")}>
            {label}
          </span>
          <div className="min-w-0 break-words">{children}</div>
        </>
      ) : (
        children
      )}
    </td>
  );
}
