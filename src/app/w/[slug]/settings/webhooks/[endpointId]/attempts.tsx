"use client";

import { useState } from "react";
import { LocalTime } from "@/components/time";
import { Alert, Button, Skeleton } from "@/components/ui";
import { isWebhookErrorClass, WEBHOOK_ATTEMPT_RETENTION_DAYS, WEBHOOK_ERROR_LABELS } from "@/domain/webhooks";
import { useLightQuery } from "@/trpc/light-query";

/** A delivery's attempts, newest first (the latest 20), opened from its row in the delivery log. */
export function DeliveryAttempts({ workspaceId, deliveryId }: { workspaceId: string; deliveryId: string }) {
  const [open, setOpen] = useState(false);
  const panelId = `attempts-${deliveryId}`;
  return (
    <div className="w-full">
      <Button variant="secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {open ? "Hide attempts" : "Attempts"}
      </Button>
      {open && (
        <div id={panelId} className="mt-3">
          <AttemptList workspaceId={workspaceId} deliveryId={deliveryId} />
        </div>
      )}
    </div>
  );
}

function AttemptList({ workspaceId, deliveryId }: { workspaceId: string; deliveryId: string }) {
  // Read when opened, then every 3 s while open (a retry or a resend adds one).
  const attempts = useLightQuery((api) => api.webhook.attempts.query, { workspaceId, deliveryId }, null, {
    refetchInterval: 3000,
  });
  if (attempts.isPending) return <Skeleton rows={2} />;
  if (attempts.isError) return <Alert>{attempts.error.message}</Alert>;
  const { items, total } = attempts.data;
  if (items.length === 0)
    return <p className="text-xs text-slate-600">No attempts yet: the first is made within seconds.</p>;
  return (
    <>
      <p className="mb-2 text-xs text-slate-600">
        {total > items.length
          ? `The latest ${items.length} of ${total} attempts`
          : `${total} ${total === 1 ? "attempt" : "attempts"}`}
        , newest first. Attempts are kept for {WEBHOOK_ATTEMPT_RETENTION_DAYS} days.
      </p>
      <ol className="space-y-2" aria-label="Attempts">
        {items.map((a) => (
          <li key={a.id} data-testid="attempt-row" className="rounded-md border border-slate-200 p-2 text-xs">
            <p className="font-medium">
              #{a.number} · <LocalTime value={a.startedAt} style="short" /> ·{" "}
              {a.statusCode !== null ? `HTTP ${a.statusCode}` : "no answer"} · {a.durationMs} ms
              {a.errorClass && (
                <span className="text-red-700">
                  {" "}
                  · {isWebhookErrorClass(a.errorClass) ? WEBHOOK_ERROR_LABELS[a.errorClass] : a.errorClass}
                </span>
              )}
            </p>
            {a.errorMessage && <p className="text-red-700">{a.errorMessage}</p>}
            {a.responseExcerpt && (
              <pre className="mt-1 max-h-32 overflow-auto rounded bg-slate-50 p-2 break-all whitespace-pre-wrap text-slate-700">
                {a.responseExcerpt}
              </pre>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
