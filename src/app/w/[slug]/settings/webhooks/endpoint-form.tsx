"use client";

import { useState, type FormEvent } from "react";
import { useFormErrors } from "@/components/errors";
import { toast } from "@/components/toast";
import { Button, Checkbox, Field, Input, Select } from "@/components/ui";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEventType } from "@/domain/webhooks";
import { useAction } from "@/trpc/action";
import { invalidate } from "@/trpc/light-query";

const schemas = () => import("@/schemas/webhook");

type Kind = "standard" | "slack";

export interface EndpointValues {
  id: string;
  kind: Kind;
  url: string;
  description: string;
  events: string[];
}

/**
 * Adds an endpoint (its new secret goes to `onSecret`, to be shown once) or, given `endpoint`, edits its URL,
 * description and events.
 */
export function EndpointForm({
  workspaceId,
  endpoint,
  onSecret,
  onDone,
}: {
  workspaceId: string;
  endpoint?: EndpointValues;
  onSecret?: (secret: string) => void;
  onDone?: () => void;
}) {
  const prefix = endpoint ? `webhook-${endpoint.id}` : "webhook";
  const [kind, setKind] = useState<Kind>(endpoint?.kind ?? "standard");
  const [url, setUrl] = useState(endpoint?.url ?? "");
  const [description, setDescription] = useState(endpoint?.description ?? "");
  const [events, setEvents] = useState<WebhookEventType[]>(
    endpoint ? WEBHOOK_EVENTS.filter((e) => endpoint.events.includes(e)) : [...WEBHOOK_EVENTS],
  );
  const { errors, validate, onServerError } = useFormErrors(schemas);
  const refresh = () => void invalidate("webhook.list");
  const create = useAction((api) => api.webhook.create.mutate, {
    onSuccess: (created) => {
      toast.success("Endpoint added");
      if (created.secret) onSecret?.(created.secret);
      setUrl("");
      setDescription("");
      refresh();
    },
    onError: onServerError,
  });
  const update = useAction((api) => api.webhook.update.mutate, {
    onSuccess: () => {
      toast.success("Endpoint saved");
      refresh();
      onDone?.();
    },
    onError: onServerError,
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (endpoint) {
      const input = await validate((s) => s.UpdateWebhookInput, {
        workspaceId,
        endpointId: endpoint.id,
        url,
        description,
        events,
      });
      if (input) update.mutate(input);
    } else {
      const input = await validate((s) => s.CreateWebhookInput, { workspaceId, kind, url, description, events });
      if (input) create.mutate(input);
    }
  }
  const toggle = (type: WebhookEventType, on: boolean) =>
    setEvents((current) => (on ? [...current, type] : current.filter((t) => t !== type)));
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="space-y-4"
      aria-label={endpoint ? "Edit endpoint" : "New endpoint"}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Destination"
          htmlFor={`${prefix}-kind`}
          hint={kind === "slack" ? "A Slack incoming-webhook URL: messages written for people." : undefined}
        >
          <Select
            id={`${prefix}-kind`}
            value={kind}
            disabled={!!endpoint}
            onChange={(e) => setKind(e.target.value as Kind)}
          >
            <option value="standard">Signed JSON (your server)</option>
            <option value="slack">Slack channel</option>
          </Select>
        </Field>
        <Field label="Endpoint URL" htmlFor={`${prefix}-url`} error={errors.url}>
          <Input
            id={`${prefix}-url`}
            type="url"
            inputMode="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            invalid={!!errors.url}
            placeholder="https://example.com/webhooks/loopwise"
          />
        </Field>
      </div>
      <Field label="Description (optional)" htmlFor={`${prefix}-description`} error={errors.description}>
        <Input
          id={`${prefix}-description`}
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
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={create.isPending || update.isPending}>
          {endpoint ? "Save endpoint" : "Add endpoint"}
        </Button>
        {endpoint && (
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
