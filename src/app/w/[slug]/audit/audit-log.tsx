"use client";

import { displayName } from "@/domain/people";
import { useInfiniteQuery } from "@tanstack/react-query";
import { LocalTime } from "@/components/time";
import { Button, Card, EmptyState, Skeleton } from "@/components/ui";
import { auditLabel } from "@/domain/audit";
import { useTRPC } from "@/trpc/react";

function summary(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  return (
    Object.entries(data as Record<string, unknown>)
      // Internal ids mean nothing to a reader (members are already named by the server).
      .filter(([k, v]) => !/id$/i.test(k) && (typeof v === "string" || typeof v === "number" || typeof v === "boolean"))
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(" · ")
  );
}

export function AuditLog({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { workspaceId, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  if (query.isPending) return <Skeleton rows={5} />;
  if (query.isError)
    return (
      <p role="alert" className="text-sm text-red-700">
        {query.error.message}
      </p>
    );
  const items = query.data.pages.flatMap((p) => p.items);
  return (
    <Card>
      {items.length === 0 ? (
        <EmptyState title="Nothing recorded yet" />
      ) : (
        <ol className="divide-y divide-slate-100">
          {items.map((e) => (
            <li key={e.id} className="py-2 text-sm break-words" data-testid="audit-row">
              <span className="font-medium">{displayName(e.actor, "System")}</span> {auditLabel(e.action)}
              {e.target && <span className="font-medium"> · {e.target}</span>}
              <span className="block text-xs text-slate-600">
                <LocalTime value={e.createdAt} /> · {summary(e.data)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {query.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-4"
          busy={query.isFetchingNextPage}
          onClick={() => query.fetchNextPage()}
        >
          Load older events
        </Button>
      )}
    </Card>
  );
}
