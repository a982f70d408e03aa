"use client";

import { displayName } from "@/domain/people";
import { LocalTime } from "@/components/time";
import { Alert, Button, Card, EmptyState, Field, Select, Skeleton } from "@/components/ui";
import { useUrlState } from "@/components/url-state";
import { auditLabel } from "@/domain/audit";
import { AUDIT_ACTIONS, AUDIT_AREAS } from "@/schemas/values";
import { useLightPages, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { auditListInput } from "./list-input";

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

const AREA_LABEL = (area: string) => area.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

export function AuditLog({
  workspaceId,
  served,
}: {
  workspaceId: string;
  /** The first page for the filters in the URL, rendered by the server. */
  served: Served<ReturnType<typeof auditListInput>, RouterOutputs["audit"]["list"]> | null;
}) {
  const [area, setArea] = useUrlState("area");
  const [action, setAction] = useUrlState("action");
  const [sort, setSort] = useUrlState("sort", "newest");
  const filter = auditListInput(workspaceId, { area, action, sort });
  const actions = AUDIT_ACTIONS.filter((a) => !filter.area || a.startsWith(`${filter.area}.`));
  const query = useLightPages((api) => api.audit.list.query, filter, served);
  const filters = (
    <form className="mb-4 grid gap-3 sm:grid-cols-3" onSubmit={(e) => e.preventDefault()} aria-label="Audit filters">
      <Field label="Area" htmlFor="audit-area">
        <Select
          id="audit-area"
          value={filter.area ?? ""}
          onChange={(e) => {
            setArea(e.target.value);
            setAction("");
          }}
        >
          <option value="">All areas</option>
          {AUDIT_AREAS.map((a) => (
            <option key={a} value={a}>
              {AREA_LABEL(a)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Action" htmlFor="audit-action">
        <Select id="audit-action" value={filter.action ?? ""} onChange={(e) => setAction(e.target.value)}>
          <option value="">All actions</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {auditLabel(a)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Order" htmlFor="audit-sort">
        <Select id="audit-sort" value={filter.sort} onChange={(e) => setSort(e.target.value)}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </Select>
      </Field>
    </form>
  );
  if (query.isPending)
    return (
      <Card>
        {filters}
        <Skeleton rows={5} />
      </Card>
    );
  if (query.isError)
    return (
      <Card>
        {filters}
        <Alert>{query.error.message}</Alert>
      </Card>
    );
  const items = query.data.pages.flatMap((p) => p.items);
  const total = query.data.pages[0]?.total ?? items.length;
  const filtered = !!(filter.area || filter.action);
  return (
    <Card>
      {filters}
      {items.length === 0 ? (
        filtered ? (
          <EmptyState title="No events match">Choose another area or action, or clear the filters.</EmptyState>
        ) : (
          <EmptyState title="Nothing recorded yet" />
        )
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" data-testid="audit-count">
            {items.length} of {total} {total === 1 ? "event" : "events"}
          </p>
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
        </>
      )}
      {query.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-4"
          busy={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          Show more ({total - items.length} more)
        </Button>
      )}
    </Card>
  );
}
