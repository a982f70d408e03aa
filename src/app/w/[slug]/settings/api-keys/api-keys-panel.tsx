"use client";

import { useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { useFormErrors } from "@/components/errors";
import { LocalTime } from "@/components/time";
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  ConfirmDialog,
  EmptyState,
  Field,
  Input,
  Select,
  Skeleton,
  StackedCell,
  StackedRow,
  StackedTable,
} from "@/components/ui";
import { API_RESOURCE_LABELS, API_RESOURCES, type ApiKeyScope, type ApiResource } from "@/domain/api-keys";
import { displayName } from "@/domain/people";
import { can, ROLE_LABELS } from "@/domain/roles";
import { useAction } from "@/trpc/action";
import { invalidate, useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";

const schemas = () => import("@/schemas/api-key");

type Input = { workspaceId: string };
type ServedKeys = Served<Input, RouterOutputs["apiKey"]["list"]> | null;
type ServedMembers = Served<Input, RouterOutputs["member"]["list"]> | null;

export function ApiKeysPanel({
  workspaceId,
  keys,
  members,
}: {
  workspaceId: string;
  /** The keys and the members a key can act as, rendered by the server. */
  keys: ServedKeys;
  members: ServedMembers;
}) {
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  return (
    <div className="space-y-6">
      {secret ? (
        <NewSecret name={secret.name} secret={secret.value} onDone={() => setSecret(null)} />
      ) : (
        <CreateKeyForm
          workspaceId={workspaceId}
          served={members}
          onCreated={(name, value) => setSecret({ name, value })}
        />
      )}
      <KeyTable workspaceId={workspaceId} served={keys} />
    </div>
  );
}

function NewSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  return (
    <Card title={`Key “${name}” created`}>
      <div className="space-y-3" data-testid="new-api-key">
        <Alert tone="warning" boxed>
          Copy the key now: it is shown only once. If it is lost, revoke it and make a new one.
        </Alert>
        <label htmlFor="api-key-secret" className="block text-sm font-medium">
          Your API key
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id="api-key-secret"
            readOnly
            value={secret}
            className="min-w-0 flex-1 rounded-md px-3 py-2 font-mono text-xs ring-1 focus-ring ring-slate-300"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button
            type="button"
            variant="secondary"
            onClick={() => void navigator.clipboard?.writeText(secret).then(() => toast.success("Key copied"))}
          >
            Copy
          </Button>
        </div>
        <Button type="button" onClick={onDone}>
          Done
        </Button>
      </div>
    </Card>
  );
}

function CreateKeyForm({
  workspaceId,
  served,
  onCreated,
}: {
  workspaceId: string;
  served: ServedMembers;
  onCreated: (name: string, secret: string) => void;
}) {
  const members = useLightQuery((api) => api.member.list.query, { workspaceId }, served);
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiKeyScope>("read");
  const [resources, setResources] = useState<ApiResource[]>([]);
  const [boundMemberId, setBoundMemberId] = useState("");
  const { errors, validate, onServerError } = useFormErrors(schemas);
  const create = useAction((api) => api.apiKey.create.mutate, {
    onSuccess: (made) => {
      void invalidate("apiKey.list");
      onCreated(made.key.name, made.secret);
    },
    onError: onServerError,
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = await validate((s) => s.CreateApiKeyInput, {
      workspaceId,
      name,
      scope,
      resources,
      boundMemberId: boundMemberId || undefined,
    });
    if (input) create.mutate(input);
  }
  const fillers = (members.data ?? []).filter((m) => can(m.role, "scorecard.fill") && !m.isYou);
  return (
    <Card
      title="Create a key"
      description="A key acts as you, or as the member you choose (an interviewer whose tool submits their scorecards), with that person's role."
    >
      <form onSubmit={(e) => void submit(e)} noValidate className="max-w-xl space-y-4">
        <Field
          label="Name"
          htmlFor="api-key-name"
          error={errors.name}
          hint="What will use it, like Reporting dashboard"
        >
          <Input id="api-key-name" value={name} onChange={(e) => setName(e.target.value)} invalid={!!errors.name} />
        </Field>
        <Field label="Scope" htmlFor="api-key-scope" error={errors.scope}>
          <Select id="api-key-scope" value={scope} onChange={(e) => setScope(e.target.value as ApiKeyScope)}>
            <option value="read">Read only</option>
            <option value="write">Read and write (submit scorecards)</option>
          </Select>
        </Field>
        <Field label="Acts as" htmlFor="api-key-member" error={errors.boundMemberId}>
          <Select id="api-key-member" value={boundMemberId} onChange={(e) => setBoundMemberId(e.target.value)}>
            <option value="">Me (owner)</option>
            {fillers.map((m) => (
              <option key={m.id} value={m.id}>
                {displayName(m)} ({ROLE_LABELS[m.role]})
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Resources</legend>
          <p className="text-sm text-slate-600">Leave all unticked to allow every resource.</p>
          <div className="grid gap-2 sm:grid-cols-2">
            {API_RESOURCES.map((r) => (
              <Checkbox
                key={r}
                label={API_RESOURCE_LABELS[r]}
                checked={resources.includes(r)}
                onChange={(e) => setResources((now) => (e.target.checked ? [...now, r] : now.filter((x) => x !== r)))}
              />
            ))}
          </div>
        </fieldset>
        <Button type="submit" busy={create.isPending}>
          Create key
        </Button>
      </form>
    </Card>
  );
}

function KeyTable({ workspaceId, served }: { workspaceId: string; served: ServedKeys }) {
  const keys = useLightQuery((api) => api.apiKey.list.query, { workspaceId }, served);
  const revoke = useAction((api) => api.apiKey.revoke.mutate, {
    onSuccess: () => {
      toast.success("Key revoked; requests with it are refused from now on");
      void invalidate("apiKey.list");
    },
  });
  return (
    <Card title="Keys">
      {keys.isPending ? (
        <Skeleton />
      ) : keys.isError ? (
        <Alert>{keys.error.message}</Alert>
      ) : keys.data.length === 0 ? (
        <EmptyState title="No keys yet">Create one above to use the API.</EmptyState>
      ) : (
        <StackedTable columns={["Name", "Key", "Access", "Acts as", "Last used", { label: "Actions", srOnly: true }]}>
          {keys.data.map((k) => (
            <StackedRow key={k.id} data-testid="api-key-row">
              <StackedCell header>
                {k.name} {k.revokedAt ? <Badge tone="red">revoked</Badge> : <Badge tone="green">active</Badge>}
              </StackedCell>
              <StackedCell className="font-mono text-xs">{k.prefix}…</StackedCell>
              <StackedCell>
                {k.scope === "write" ? "Read and write" : "Read only"}
                <span className="block text-xs text-slate-600">
                  {k.resources.length === 0
                    ? "All resources"
                    : k.resources.map((r) => API_RESOURCE_LABELS[r as ApiResource] ?? r).join(", ")}
                </span>
              </StackedCell>
              <StackedCell>{k.boundMember ? k.boundMember.name : `${k.createdBy} (owner)`}</StackedCell>
              <StackedCell>{k.lastUsedAt ? <LocalTime value={k.lastUsedAt} style="short" /> : "Never"}</StackedCell>
              <StackedCell className="text-right @max-xl:text-left">
                {!k.revokedAt && (
                  <ConfirmDialog
                    trigger={
                      <Button variant="danger" aria-label={`Revoke ${k.name}`}>
                        Revoke
                      </Button>
                    }
                    title={`Revoke “${k.name}”?`}
                    description="Requests with this key are refused at once. This cannot be undone."
                    confirmLabel="Revoke key"
                    variant="danger"
                    busy={revoke.isPending}
                    onConfirm={() => revoke.mutate({ workspaceId, apiKeyId: k.id })}
                  />
                )}
              </StackedCell>
            </StackedRow>
          ))}
        </StackedTable>
      )}
    </Card>
  );
}
