"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useFormErrors } from "@/components/errors";
import { toast } from "@/components/toast";
import { Button, Card, Checkbox, Field, Input, Select } from "@/components/ui";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEventType } from "@/domain/webhooks";
import { CreateWebhookInput } from "@/schemas/webhook";
import { useTRPC } from "@/trpc/react";

/** The form that adds an endpoint; the new secret goes to `onSecret` to be shown once. */
export function NewEndpoint({ workspaceId, onSecret }: { workspaceId: string; onSecret: (secret: string) => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [kind, setKind] = useState<"standard" | "slack">("standard");
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([...WEBHOOK_EVENTS]);
  const { errors, validate, onServerError } = useFormErrors();
  const create = useMutation(
    trpc.webhook.create.mutationOptions({
      onSuccess: (created) => {
        toast.success("Endpoint added");
        if (created.secret) onSecret(created.secret);
        setUrl("");
        setDescription("");
        void qc.invalidateQueries({ queryKey: trpc.webhook.list.queryKey({ workspaceId }) });
      },
      onError: onServerError,
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = validate(CreateWebhookInput, { workspaceId, kind, url, description, events });
    if (input) create.mutate(input);
  }
  const toggle = (type: WebhookEventType, on: boolean) =>
    setEvents((current) => (on ? [...current, type] : current.filter((t) => t !== type)));
  return (
    <Card title="Add an endpoint" description="Loopwise POSTs each event to this URL as JSON (https only).">
      <form onSubmit={submit} noValidate className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Destination"
            htmlFor="webhook-kind"
            hint={kind === "slack" ? "A Slack incoming-webhook URL: messages written for people." : undefined}
          >
            <Select id="webhook-kind" value={kind} onChange={(e) => setKind(e.target.value as "standard" | "slack")}>
              <option value="standard">Signed JSON (your server)</option>
              <option value="slack">Slack channel</option>
            </Select>
          </Field>
          <Field label="Endpoint URL" htmlFor="webhook-url" error={errors.url}>
            <Input
              id="webhook-url"
              type="url"
              inputMode="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              invalid={!!errors.url}
              placeholder="https://example.com/webhooks/loopwise"
            />
          </Field>
        </div>
        <Field label="Description (optional)" htmlFor="webhook-description" error={errors.description}>
          <Input
            id="webhook-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            invalid={!!errors.description}
          />
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Events</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {WEBHOOK_EVENTS.map((type) => (
              <Checkbox
                key={type}
                alignTop
                label={<code className="text-xs">{type}</code>}
                description={WEBHOOK_EVENT_LABELS[type]}
                checked={events.includes(type)}
                onChange={(e) => toggle(type, e.target.checked)}
              />
            ))}
          </div>
          {errors.events && (
            <p role="alert" className="mt-1 text-sm text-red-700">
              {errors.events}
            </p>
          )}
        </fieldset>
        <Button type="submit" busy={create.isPending}>
          Add endpoint
        </Button>
      </form>
    </Card>
  );
}
