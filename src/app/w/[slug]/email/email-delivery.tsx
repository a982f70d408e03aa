"use client";

import { useState } from "react";
import { toast } from "@/components/toast";
import { LocalTime } from "@/components/time";
import { useUrlState } from "@/components/url-state";
import { Alert, Badge, Button, Card, EmptyState, Field, Input, Select, Skeleton } from "@/components/ui";
import { EMAIL_STATUSES } from "@/schemas/values";
import { useAction } from "@/trpc/action";
import { invalidate, useLightPages, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { emailListInput } from "./list-input";

const tone = { pending: "amber", sending: "blue", sent: "green", dead: "red" } as const;
const STATUS_LABEL = { pending: "Pending", sending: "Sending", sent: "Sent", dead: "Failed" } as const;

export function EmailDelivery({
  workspaceId,
  served,
}: {
  workspaceId: string;
  /** The first page for the filters in the URL, rendered by the server. */
  served: Served<ReturnType<typeof emailListInput>, RouterOutputs["email"]["list"]> | null;
}) {
  const [status, setStatus] = useUrlState("status");
  const [to, setTo] = useUrlState("to");
  const [sort, setSort] = useUrlState("sort", "newest");
  const filter = emailListInput(workspaceId, { status, to, sort });
  const list = useLightPages((api) => api.email.list.query, filter, served, { refetchInterval: 5000 });
  // The message whose Retry is on its way (its button shows busy).
  const [retrying, setRetrying] = useState<string | null>(null);
  const retry = useAction((api) => api.email.retry.mutate, {
    onSuccess: () => {
      toast.success("Queued for another attempt");
      void invalidate("email.list");
    },
  });
  const counts = list.data?.pages[0]?.counts;
  const filters = (
    <form className="mb-4 grid gap-3 sm:grid-cols-3" onSubmit={(e) => e.preventDefault()} aria-label="Email filters">
      <Field label="Status" htmlFor="email-status">
        <Select id="email-status" value={filter.status ?? ""} onChange={(e) => setStatus(e.target.value)}>
          <option value="">
            Every status{counts ? ` (${Object.values(counts.byStatus).reduce((a, b) => a + b, 0)})` : ""}
          </option>
          {EMAIL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
              {counts ? ` (${counts.byStatus[s]})` : ""}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Recipient contains" htmlFor="email-to">
        <Input id="email-to" value={to} onChange={(e) => setTo(e.target.value)} placeholder="name@example.com" />
      </Field>
      <Field label="Order" htmlFor="email-sort">
        <Select id="email-sort" value={filter.sort} onChange={(e) => setSort(e.target.value)}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </Select>
      </Field>
    </form>
  );
  if (list.isPending)
    return (
      <Card>
        {filters}
        <Skeleton rows={4} />
      </Card>
    );
  if (list.isError)
    return (
      <Card>
        {filters}
        <Alert>{list.error.message}</Alert>
      </Card>
    );
  const items = list.data.pages.flatMap((p) => p.items);
  const total = counts?.total ?? items.length;
  return (
    <Card>
      {filters}
      {items.length === 0 ? (
        filter.status || filter.to ? (
          <EmptyState title="No messages match">Choose another status or recipient, or clear the filters.</EmptyState>
        ) : (
          <EmptyState title="No email sent yet">
            Invitations and reminders will show here with their delivery status.
          </EmptyState>
        )
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" data-testid="email-count">
            {items.length} of {total} {total === 1 ? "message" : "messages"}
          </p>
          <ul className="divide-y divide-slate-100">
            {items.map((m) => (
              <li
                key={m.id}
                data-testid="email-row"
                className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm"
              >
                <div className="min-w-0 break-words">
                  <p className="font-medium">{m.subject}</p>
                  <p className="text-xs text-slate-600">
                    To {m.to} ·{" "}
                    {m.sentAt ? (
                      <>
                        sent <LocalTime value={m.sentAt} style="short" />
                      </>
                    ) : m.status === "pending" ? (
                      <>
                        {m.attempts > 0 ? "next try" : "goes out"} <LocalTime value={m.nextAttemptAt} style="short" />
                      </>
                    ) : (
                      <>
                        queued <LocalTime value={m.createdAt} style="short" />
                      </>
                    )}{" "}
                    · attempt {m.attempts} of {m.maxAttempts}
                    {m.lastError && <span className="block text-red-700">Last error: {m.lastError}</span>}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <Badge tone={tone[m.status]}>
                    {m.status === "dead"
                      ? "failed"
                      : m.status === "sent" && m.transport === "dev-mailbox"
                        ? "in dev mailbox"
                        : m.status}
                  </Badge>
                  {m.status === "dead" && (
                    <Button
                      variant="secondary"
                      busy={retry.isPending && retrying === m.id}
                      onClick={() => {
                        setRetrying(m.id);
                        retry.mutate({ workspaceId, messageId: m.id });
                      }}
                    >
                      Retry
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {list.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-4"
          busy={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          Show more ({total - items.length} more)
        </Button>
      )}
    </Card>
  );
}
