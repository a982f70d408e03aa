"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { useFormErrors } from "@/components/errors";
import { Alert, Badge, Button, Card, Checkbox, EmptyState, Field, Input, Skeleton, Textarea } from "@/components/ui";
import { useAction } from "@/trpc/action";
import { invalidate, useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";

const schemas = () => import("@/schemas/library");

type LibraryInput = { workspaceId: string; includeArchived: boolean };

const refreshLibrary = () => void invalidate("library.list");

export function LibraryBoard({
  workspaceId,
  slug,
  canEdit,
  served,
}: {
  workspaceId: string;
  slug: string;
  canEdit: boolean;
  /** The library without archived round types, rendered by the server. */
  served: Served<LibraryInput, RouterOutputs["library"]["list"]> | null;
}) {
  const [showArchived, setShowArchived] = useState(false);
  const library = useLightQuery(
    (api) => api.library.list.query,
    { workspaceId, includeArchived: showArchived },
    served,
  );
  const [editing, setEditing] = useState<string | null>(null);
  // The round type being copied, for its button's busy state.
  const [copying, setCopying] = useState<string | null>(null);
  const copy = useAction((api) => api.library.copyRoundType.mutate, {
    onSuccess: (rt) => {
      toast.success(`Created ${rt.name} with draft copies of its rubrics`);
      refreshLibrary();
    },
  });
  const archive = useAction((api) => api.library.archiveRoundType.mutate, {
    onSuccess: (r) => {
      toast.success(r.archived ? "Round type archived" : "Round type restored");
      refreshLibrary();
    },
  });

  if (library.isPending) return <Skeleton rows={6} />;
  if (library.isError) return <Alert>{library.error.message}</Alert>;
  const dimensionName = new Map(library.data.dimensions.map((d) => [d.key, d.name]));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Checkbox
          label="Show archived"
          className="text-slate-700"
          checked={showArchived}
          onChange={(e) => setShowArchived(e.target.checked)}
        />
      </div>
      {library.data.roundTypes.length === 0 && (
        <EmptyState title="No round types">Create one below to start a rubric.</EmptyState>
      )}
      <ul className="grid gap-4 lg:grid-cols-2">
        {library.data.roundTypes.map((rt) => (
          <li key={rt.id} data-testid="round-type-card">
            <Card
              title={rt.name}
              description={`${rt.defaultDurationMin} min · ${rt.questionCount} questions`}
              actions={
                canEdit && (
                  <div className="flex gap-1">
                    <Button
                      variant="ghost"
                      aria-expanded={editing === rt.id}
                      onClick={() => setEditing(editing === rt.id ? null : rt.id)}
                      aria-label={`Edit ${rt.name}`}
                    >
                      Edit
                    </Button>
                    <Button
                      variant="ghost"
                      busy={copy.isPending && copying === rt.id}
                      onClick={() => {
                        if (copy.isPending) return;
                        setCopying(rt.id);
                        copy.mutate({ workspaceId, roundTypeId: rt.id });
                      }}
                      aria-label={`Copy ${rt.name}`}
                    >
                      Copy
                    </Button>
                    <Button
                      variant="ghost"
                      onClick={() => archive.mutate({ workspaceId, roundTypeId: rt.id, archived: !rt.archived })}
                      aria-label={`${rt.archived ? "Restore" : "Archive"} ${rt.name}`}
                    >
                      {rt.archived ? "Restore" : "Archive"}
                    </Button>
                  </div>
                )
              }
            >
              {editing === rt.id && (
                <div className="mb-4 rounded-md bg-slate-50 p-3">
                  <RoundTypeForm
                    workspaceId={workspaceId}
                    dimensions={library.data.dimensions}
                    slug={slug}
                    roundType={rt}
                    onSaved={() => {
                      setEditing(null);
                      refreshLibrary();
                    }}
                  />
                </div>
              )}
              <p className="text-sm text-slate-700">{rt.description}</p>
              <p className="mt-3 flex flex-wrap gap-1">
                {rt.dimensionKeys.map((d) => (
                  <Badge key={d}>{dimensionName.get(d) ?? d}</Badge>
                ))}
                {rt.archived && <Badge tone="red">archived</Badge>}
              </p>
              <ul className="mt-4 divide-y divide-slate-100 border-t border-slate-100">
                {rt.rubrics.map((r) => (
                  <li key={r.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                    <Link href={`/w/${slug}/library/${r.id}`} className="font-medium text-brand-700 hover:underline">
                      {r.name}
                    </Link>
                    <span className="flex items-center gap-2">
                      {r.latest && (
                        <Badge tone={r.latest.status === "published" ? "green" : "amber"}>
                          v{r.latest.version} {r.latest.status} · {r.latest.signalCount} signals
                        </Badge>
                      )}
                      {r.archived && <Badge tone="red">archived</Badge>}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          </li>
        ))}
      </ul>
      {canEdit && (
        <div className="grid gap-6 lg:grid-cols-2">
          <RoundTypeForm
            workspaceId={workspaceId}
            dimensions={library.data.dimensions}
            onSaved={refreshLibrary}
            slug={slug}
          />
          <ImportRubric workspaceId={workspaceId} slug={slug} />
        </div>
      )}
    </div>
  );
}

type RoundTypeValues = {
  id: string;
  name: string;
  description: string;
  defaultDurationMin: number;
  dimensionKeys: string[];
};

/** Creates a round type, or edits one when `roundType` is given. */
function RoundTypeForm({
  workspaceId,
  dimensions,
  onSaved,
  slug,
  roundType,
}: {
  workspaceId: string;
  dimensions: { key: string; name: string }[];
  onSaved: () => void;
  slug: string;
  roundType?: RoundTypeValues;
}) {
  const router = useRouter();
  const prefix = roundType ? `rt-${roundType.id}` : "rt-new";
  const [name, setName] = useState(roundType?.name ?? "");
  const [description, setDescription] = useState(roundType?.description ?? "");
  const [duration, setDuration] = useState(String(roundType?.defaultDurationMin ?? 45));
  const [dims, setDims] = useState<string[]>(roundType?.dimensionKeys ?? []);
  const { errors, validate, onServerError } = useFormErrors(schemas);
  const create = useAction((api) => api.library.createRoundType.mutate, {
    onSuccess: (rt) => {
      toast.success(`Created ${rt.name}; add signals to its rubric`);
      onSaved();
      router.push(`/w/${slug}/library/${rt.rubricId}`);
    },
    onError: onServerError,
  });
  const update = useAction((api) => api.library.updateRoundType.mutate, {
    onSuccess: (rt) => {
      toast.success(`Saved ${rt.name}`);
      onSaved();
    },
    onError: onServerError,
  });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const values = { workspaceId, name, description, defaultDurationMin: Number(duration), dimensionKeys: dims };
    if (roundType) {
      const input = await validate((s) => s.UpdateRoundTypeInput, { ...values, roundTypeId: roundType.id });
      if (input) update.mutate(input);
    } else {
      const input = await validate((s) => s.CreateRoundTypeInput, values);
      if (input) create.mutate(input);
    }
  }
  const fields = (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="space-y-3"
      aria-label={roundType ? `Edit ${roundType.name}` : "New round type"}
    >
      <Field label="Name" htmlFor={`${prefix}-name`} error={errors.name}>
        <Input id={`${prefix}-name`} value={name} onChange={(e) => setName(e.target.value)} invalid={!!errors.name} />
      </Field>
      <Field label="Description" htmlFor={`${prefix}-desc`} error={errors.description}>
        <Input
          id={`${prefix}-desc`}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          invalid={!!errors.description}
        />
      </Field>
      <Field label="Default length (minutes)" htmlFor={`${prefix}-duration`} error={errors.defaultDurationMin}>
        <Input
          id={`${prefix}-duration`}
          type="number"
          min={10}
          max={240}
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
          invalid={!!errors.defaultDurationMin}
        />
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Dimensions it covers</legend>
        <div className="mt-1 grid grid-cols-2 gap-1">
          {dimensions.map((d) => (
            <Checkbox
              key={d.key}
              label={d.name}
              checked={dims.includes(d.key)}
              onChange={(e) => setDims(e.target.checked ? [...dims, d.key] : dims.filter((x) => x !== d.key))}
            />
          ))}
        </div>
        {errors.dimensionKeys && <Alert className="mt-1">{errors.dimensionKeys}</Alert>}
      </fieldset>
      <Button type="submit" busy={create.isPending || update.isPending}>
        {roundType ? "Save round type" : "Create round type"}
      </Button>
    </form>
  );
  return roundType ? (
    fields
  ) : (
    <Card title="New round type" description="It starts with an empty draft rubric.">
      {fields}
    </Card>
  );
}

function ImportRubric({ workspaceId, slug }: { workspaceId: string; slug: string }) {
  const router = useRouter();
  const [file, setFile] = useState("");
  const [error, setError] = useState<string | null>(null);
  const importRubric = useAction((api) => api.rubric.import.mutate, {
    onSuccess: (r) => {
      toast.success(`Imported ${r.name} as a draft`);
      router.push(`/w/${slug}/library/${r.id}`);
    },
    errorToast: false,
    onError: (err) => setError(err instanceof Error ? err.message : String(err)),
  });
  return (
    <Card
      title="Import a rubric"
      description="A JSON file exported from Loopwise. It becomes a new draft; nothing changes if the file has problems."
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          importRubric.mutate({ workspaceId, file });
        }}
      >
        <Field label="Rubric file" htmlFor="import-file">
          <input
            id="import-file"
            type="file"
            accept="application/json,.json"
            className="block w-full text-sm"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              if (chosen) void chosen.text().then(setFile);
              else setFile("");
            }}
          />
        </Field>
        <Field label="…or paste its JSON" htmlFor="import-text" error={error}>
          <Textarea
            id="import-text"
            rows={4}
            value={file}
            onChange={(e) => setFile(e.target.value)}
            className="font-mono text-xs"
          />
        </Field>
        <Button type="submit" variant="secondary" busy={importRubric.isPending} disabled={!file}>
          Import
        </Button>
      </form>
    </Card>
  );
}
