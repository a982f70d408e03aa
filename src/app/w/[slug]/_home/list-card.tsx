import type { ReactNode } from "react";
import { Badge, Card } from "@/components/ui";

/** The home page's links. */
export const link = "font-medium text-brand-700 hover:underline focus-ring";

/** A card listing at most HOME_LIST_LIMIT items, with the total when there are more, or a line when empty. */
export function ListCard({
  title,
  total,
  shown,
  empty,
  more,
  children,
  testId,
}: {
  title: string;
  total: number;
  shown: number;
  empty: string;
  more?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card title={title} actions={total > 0 ? <Badge tone="blue">{total}</Badge> : undefined}>
      <div data-testid={testId}>
        {total === 0 ? (
          <p className="text-sm text-slate-600">{empty}</p>
        ) : (
          <>
            <ul className="divide-y divide-slate-100">{children}</ul>
            {total > shown && (
              <p className="mt-2 text-xs text-slate-600">
                Showing {shown} of {total}. {more}
              </p>
            )}
          </>
        )}
      </div>
    </Card>
  );
}

export function Row({ children }: { children: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 text-sm break-words">{children}</li>
  );
}
