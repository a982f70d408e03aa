"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/toast";
import { LocalTime } from "@/components/time";
import { Badge, Button, Card, EmptyState, Skeleton } from "@/components/ui";
import { useTRPC } from "@/trpc/react";

const tone = { pending: "amber", sending: "blue", sent: "green", dead: "red" } as const;

export function EmailDelivery({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery({ ...trpc.email.list.queryOptions({ workspaceId }), refetchInterval: 5000 });
  const retry = useMutation(
    trpc.email.retry.mutationOptions({
      onSuccess: () => {
        toast.success("Queued for another attempt");
        void qc.invalidateQueries({ queryKey: trpc.email.list.queryKey({ workspaceId }) });
      },
    }),
  );
  if (list.isPending) return <Skeleton rows={4} />;
  if (list.isError)
    return (
      <p role="alert" className="text-sm text-red-700">
        {list.error.message}
      </p>
    );
  return (
    <Card>
      {list.data.length === 0 ? (
        <EmptyState title="No email sent yet">
          Invitations and reminders will show here with their delivery status.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {list.data.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
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
                    busy={retry.isPending && retry.variables?.messageId === m.id}
                    onClick={() => retry.mutate({ workspaceId, messageId: m.id })}
                  >
                    Retry
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
