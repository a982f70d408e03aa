"use client";

import { toast } from "@/components/toast";
import { LocalTime } from "@/components/time";
import { useUrlState } from "@/components/url-state";
import { Alert, Badge, Button, Card, EmptyState, Field, Select, Skeleton } from "@/components/ui";
import { DELIVERY_STATUSES } from "@/schemas/values";
import { useAction } from "@/trpc/action";
import { invalidate, useLightPages, useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { DeliveryAttempts } from "./attempts";
import { deliveriesInput } from "./list-input";

const tone = { pending: "amber", sending: "blue", succeeded: "green", failed: "red" } as const;
const LABEL = { pending: "Waiting", sending: "Sending", succeeded: "Delivered", failed: "Failed" } as const;
type Delivery = RouterOutputs["webhook"]["deliveries"]["items"][number];

export function DeliveryLog({
  workspaceId,
  endpointId,
  endpoints: servedEndpoints,
  served,
}: {
  workspaceId: string;
  endpointId: string;
  /** The workspace's endpoints (this one names the card) and the first page for the URL's status, from the server. */
  endpoints: Served<{ workspaceId: string }, RouterOutputs["webhook"]["list"]> | null;
  served: Served<ReturnType<typeof deliveriesInput>, RouterOutputs["webhook"]["deliveries"]> | null;
}) {
  const [status, setStatus] = useUrlState("status");
  const input = deliveriesInput(workspaceId, endpointId, status);
  const filter = input.status;
  const endpoints = useLightQuery((api) => api.webhook.list.query, { workspaceId }, servedEndpoints);
  const endpoint = endpoints.data?.find((e) => e.id === endpointId);
  const log = useLightPages((api) => api.webhook.deliveries.query, input, served, { refetchInterval: 3000 });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={endpoint ? endpoint.url : "Deliveries"} description={endpoint?.description || undefined}>
      <form className="mb-4 max-w-xs" onSubmit={(e) => e.preventDefault()} aria-label="Delivery filters">
        <Field label="Status" htmlFor="delivery-status">
          <Select id="delivery-status" value={filter ?? ""} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Every status</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {LABEL[s]}
              </option>
            ))}
          </Select>
        </Field>
      </form>
      {log.isPending ? (
        <Skeleton rows={4} />
      ) : log.isError ? (
        <Alert>{log.error.message}</Alert>
      ) : items.length === 0 ? (
        <EmptyState title={filter ? "No deliveries match" : "No deliveries yet"}>
          {filter ? "Choose another status." : "Events this endpoint listens to show here, and so does a test event."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((d) => (
            <li
              key={d.id}
              data-testid="delivery-row"
              className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm"
            >
              <div className="min-w-0 break-words">
                <p className="font-medium">
                  <code>{d.type}</code> <span className="text-xs text-slate-600">{d.eventId}</span>
                </p>
                <p className="text-xs text-slate-600">
                  <LocalTime value={d.lastAttemptAt ?? d.createdAt} style="short" /> · attempt {d.attempts} of{" "}
                  {d.maxAttempts}
                  {d.responseStatus !== null && <> · HTTP {d.responseStatus}</>}
                  {d.durationMs !== null && <> · {d.durationMs} ms</>}
                  {d.status === "pending" && d.attempts > 0 && (
                    <>
                      {" "}
                      · next try <LocalTime value={d.nextAttemptAt} style="short" />
                    </>
                  )}
                  {d.lastError && <span className="block text-red-700">Last error: {d.lastError}</span>}
                </p>
              </div>
              <div className="flex items-center gap-2">
                <Badge tone={tone[d.status]}>{LABEL[d.status]}</Badge>
                {(d.status === "succeeded" || d.status === "failed") && (
                  <Resend workspaceId={workspaceId} delivery={d} />
                )}
              </div>
              <DeliveryAttempts workspaceId={workspaceId} deliveryId={d.id} />
            </li>
          ))}
        </ul>
      )}
      {log.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-4"
          busy={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          Show more
        </Button>
      )}
    </Card>
  );
}

function Resend({ workspaceId, delivery }: { workspaceId: string; delivery: Delivery }) {
  const resend = useAction((api) => api.webhook.resend.mutate, {
    onSuccess: () => {
      toast.success("Queued to be sent again");
      void invalidate("webhook.deliveries");
    },
  });
  return (
    <Button
      variant="secondary"
      busy={resend.isPending}
      onClick={() => resend.mutate({ workspaceId, deliveryId: delivery.id })}
    >
      Resend
    </Button>
  );
}
