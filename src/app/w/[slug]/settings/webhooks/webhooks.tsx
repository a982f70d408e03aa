"use client";

import Link from "next/link";
import { useState } from "react";
import { toast } from "@/components/toast";
import { Alert, Badge, Button, Card, ConfirmDialog, EmptyState, Skeleton } from "@/components/ui";
import { useAction } from "@/trpc/action";
import { invalidate, useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { EndpointForm } from "./endpoint-form";

/** A signing secret, shown once after creating an endpoint or rotating its secret. */
function SecretNotice({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <section
      aria-labelledby="secret-title"
      className="rounded-lg bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-amber-200"
      data-testid="webhook-secret"
    >
      <h2 id="secret-title" className="font-semibold">
        Copy the signing secret now
      </h2>
      <p className="mt-1">
        It is shown only this once. Your receiver uses it to verify the <code>webhook-signature</code> header.
      </p>
      <code className="mt-2 block rounded bg-white p-2 font-mono text-xs break-all ring-1 ring-amber-200">
        {secret}
      </code>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => void navigator.clipboard?.writeText(secret).then(() => toast.success("Secret copied"))}
        >
          Copy secret
        </Button>
        <Button variant="ghost" onClick={onDone}>
          I have saved it
        </Button>
      </div>
    </section>
  );
}

type Endpoint = RouterOutputs["webhook"]["list"][number];

const refresh = () => void invalidate("webhook.list");

export function Webhooks({
  workspaceId,
  slug,
  served,
}: {
  workspaceId: string;
  slug: string;
  /** The endpoints, rendered by the server. */
  served: Served<{ workspaceId: string }, Endpoint[]> | null;
}) {
  const [secret, setSecret] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const list = useLightQuery((api) => api.webhook.list.query, { workspaceId }, served);
  return (
    <div className="space-y-6">
      {secret && <SecretNotice secret={secret} onDone={() => setSecret(null)} />}
      <Card title="Endpoints">
        {list.isPending ? (
          <Skeleton rows={2} />
        ) : list.isError ? (
          <Alert>{list.error.message}</Alert>
        ) : list.data.length === 0 ? (
          <EmptyState title="No endpoints yet">Add one below to receive events as they happen.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {list.data.map((e) => (
              <EndpointRow
                key={e.id}
                workspaceId={workspaceId}
                slug={slug}
                endpoint={e}
                editing={editing === e.id}
                onEdit={(on) => setEditing(on ? e.id : null)}
                onSecret={setSecret}
              />
            ))}
          </ul>
        )}
      </Card>
      <Card title="Add an endpoint" description="Loopwise POSTs each event to this URL as JSON (https only).">
        <EndpointForm workspaceId={workspaceId} onSecret={setSecret} />
      </Card>
    </div>
  );
}

/** One endpoint with its buttons; each button is busy on its own row only. */
function EndpointRow({
  workspaceId,
  slug,
  endpoint: e,
  editing,
  onEdit,
  onSecret,
}: {
  workspaceId: string;
  slug: string;
  endpoint: Endpoint;
  editing: boolean;
  onEdit: (on: boolean) => void;
  onSecret: (secret: string) => void;
}) {
  const update = useAction((api) => api.webhook.update.mutate, { onSuccess: refresh });
  const remove = useAction((api) => api.webhook.remove.mutate, {
    onSuccess: () => {
      toast.success("Endpoint removed");
      refresh();
    },
  });
  const rotate = useAction((api) => api.webhook.rotateSecret.mutate, { onSuccess: (r) => onSecret(r.secret) });
  const test = useAction((api) => api.webhook.sendTest.mutate, {
    onSuccess: () => {
      toast.success("Test event queued: it shows in the delivery log");
      refresh();
    },
  });
  const ref = { workspaceId, endpointId: e.id };
  return (
    <li className="space-y-2 py-4" data-testid="webhook-row">
      <div className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 font-medium break-all">{e.url}</span>
        <Badge tone={e.enabled ? "green" : "red"}>
          {e.enabled ? "On" : e.disabledReason === "failing" ? "Off: kept failing" : "Off"}
        </Badge>
        {e.kind === "slack" && <Badge tone="blue">Slack</Badge>}
      </div>
      {e.description && <p className="text-sm text-slate-700">{e.description}</p>}
      <p className="text-xs text-slate-600">
        {e.events.join(", ")} · {e.deliveries.succeeded} delivered, {e.deliveries.failed} failed, {e.deliveries.waiting}{" "}
        waiting
      </p>
      {editing && (
        <div className="rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
          <EndpointForm workspaceId={workspaceId} endpoint={e} onDone={() => onEdit(false)} />
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <Link
          href={`/w/${slug}/settings/webhooks/${e.id}`}
          className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-semibold text-brand-700 focus-ring hover:bg-slate-100"
        >
          Delivery log<span className="sr-only"> of {e.url}</span>
        </Link>
        {!editing && (
          <Button variant="secondary" onClick={() => onEdit(true)}>
            Edit<span className="sr-only"> {e.url}</span>
          </Button>
        )}
        <Button variant="secondary" disabled={!e.enabled} busy={test.isPending} onClick={() => test.mutate(ref)}>
          Send test event
        </Button>
        <Button
          variant="secondary"
          busy={update.isPending}
          onClick={() => update.mutate({ ...ref, enabled: !e.enabled })}
        >
          {e.enabled ? "Turn off" : "Turn on"}
        </Button>
        {e.kind === "standard" && (
          <ConfirmDialog
            trigger={<Button variant="secondary">Rotate secret</Button>}
            title="Rotate the signing secret?"
            description="The current secret stops working at once; update your receiver with the new one."
            confirmLabel="Rotate secret"
            onConfirm={() => rotate.mutate(ref)}
          />
        )}
        <ConfirmDialog
          trigger={<Button variant="danger">Remove</Button>}
          title="Remove this endpoint?"
          description="Its delivery log goes with it, and deliveries still waiting are dropped."
          confirmLabel="Remove endpoint"
          onConfirm={() => remove.mutate(ref)}
        />
      </div>
    </li>
  );
}
