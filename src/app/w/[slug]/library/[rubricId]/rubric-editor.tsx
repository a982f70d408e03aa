"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { AnchorGrid, RATING_LABELS } from "@/components/anchor-grid";
import { useFormErrors } from "@/components/errors";
import { LocalTime } from "@/components/time";
import {
  Alert,
  Button,
  Card,
  EmptyState,
  Field,
  Input,
  PageHeader,
  Select,
  Skeleton,
  Textarea,
  cx,
} from "@/components/ui";
import { PublishRubricInput, SaveSignalInput } from "@/schemas/library";
import { useTRPC } from "@/trpc/react";

type RubricData = NonNullable<ReturnType<typeof useRubric>["data"]>;
type SignalData = RubricData["version"]["signals"][number];

function useRubric(workspaceId: string, rubricId: string, version?: number) {
  const trpc = useTRPC();
  return useQuery(trpc.rubric.get.queryOptions({ workspaceId, rubricId, version }));
}

export function RubricEditor({
  workspaceId,
  slug,
  rubricId,
  version,
  canEdit,
}: {
  workspaceId: string;
  slug: string;
  rubricId: string;
  version?: number;
  canEdit: boolean;
}) {
  // Signal cards with edits not yet saved (id → title): publishing waits until they are saved or undone.
  const [unsaved, setUnsaved] = useState<Record<string, string>>({});
  const trackUnsaved = useCallback((id: string, title: string, dirty: boolean) => {
    setUnsaved((current) => {
      if (dirty === id in current && (!dirty || current[id] === title)) return current;
      const next = { ...current };
      if (dirty) next[id] = title;
      else delete next[id];
      return next;
    });
  }, []);
  useEffect(() => {
    if (Object.keys(unsaved).length === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const rubric = useRubric(workspaceId, rubricId, version);
  const invalidate = () => void qc.invalidateQueries({ queryKey: trpc.rubric.get.pathKey() });
  const startDraft = useMutation(
    trpc.rubric.startDraft.mutationOptions({
      onSuccess: (r) => {
        toast.success(
          r.created ? `Started version ${r.version} as a draft` : `Version ${r.version} is already a draft`,
        );
        void invalidate();
        router.push(`/w/${slug}/library/${rubricId}`);
      },
    }),
  );
  const copy = useMutation(
    trpc.rubric.copy.mutationOptions({
      onSuccess: (r) => {
        toast.success(`Created ${r.name}`);
        router.push(`/w/${slug}/library/${r.id}`);
      },
    }),
  );
  const archive = useMutation(
    trpc.rubric.archive.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.archived ? "Rubric archived" : "Rubric restored");
        void invalidate();
      },
    }),
  );

  async function download() {
    const file = await qc.fetchQuery(
      trpc.rubric.export.queryOptions({ workspaceId, rubricId, version: rubric.data?.version.version }),
    );
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${file.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-v${rubric.data?.version.version}.json`;
    a.click();
    URL.revokeObjectURL(url);
  }

  if (rubric.isPending) return <Skeleton rows={8} />;
  if (rubric.isError) return <Alert>{rubric.error.message}</Alert>;
  const r = rubric.data;
  const v = r.version;
  const isLatest = v.version === r.latestVersion;
  const editable = canEdit && isLatest && v.status === "draft" && !r.archived;
  const previous = r.versions.find((x) => x.version < v.version);

  return (
    <>
      <PageHeader
        title={r.name}
        description={`${r.roundType.name} · version ${v.version} (${v.status})${v.changeSummary ? ` — ${v.changeSummary}` : ""}`}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => void download()}>
              Export JSON
            </Button>
            {canEdit && (
              <>
                <Button
                  variant="secondary"
                  busy={copy.isPending}
                  onClick={() => copy.mutate({ workspaceId, rubricId })}
                >
                  Copy
                </Button>
                <Button
                  variant="ghost"
                  busy={archive.isPending}
                  onClick={() => archive.mutate({ workspaceId, rubricId, archived: !r.archived })}
                >
                  {r.archived ? "Restore" : "Archive"}
                </Button>
              </>
            )}
          </div>
        }
      />
      <nav aria-label="Versions" className="mb-6 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">Versions:</span>
        {r.versions.map((x) => (
          <Link
            key={x.id}
            href={`/w/${slug}/library/${rubricId}?v=${x.version}`}
            aria-current={x.version === v.version ? "page" : undefined}
            className={cx(
              "rounded-full px-3 py-1 ring-1",
              x.version === v.version
                ? "bg-brand-600 text-white ring-brand-600"
                : "bg-white ring-slate-300 hover:bg-slate-50",
            )}
          >
            v{x.version} {x.status === "draft" ? "(draft)" : ""}
          </Link>
        ))}
        {previous && (
          <Link
            href={`/w/${slug}/library/${rubricId}/compare?from=${previous.version}&to=${v.version}`}
            className="ml-2 font-medium text-brand-700 hover:underline"
          >
            Compare v{previous.version} → v{v.version}
          </Link>
        )}
        {v.publishedAt && (
          <span className="text-slate-600">
            · published <LocalTime value={v.publishedAt} style="short" />
          </span>
        )}
      </nav>

      {canEdit && isLatest && v.status === "published" && !r.archived && (
        <Card
          className="mb-6"
          title="This version is published"
          description="Published versions never change, so scorecards keep what they were filled against. Start a new version to edit."
        >
          <Button busy={startDraft.isPending} onClick={() => startDraft.mutate({ workspaceId, rubricId })}>
            Start version {v.version + 1}
          </Button>
        </Card>
      )}

      <section aria-labelledby="signals-heading" className="space-y-4">
        <h2 id="signals-heading" className="text-lg font-semibold">
          Signals
        </h2>
        {v.signals.length === 0 && (
          <EmptyState title="No signals yet">
            {editable ? "Add the first signal below." : "This version has no signals."}
          </EmptyState>
        )}
        {v.signals.map((s, i) =>
          editable ? (
            <SignalEditor
              key={s.id}
              workspaceId={workspaceId}
              rubricId={rubricId}
              dimensions={r.dimensions}
              signal={s}
              position={i}
              count={v.signals.length}
              onSaved={invalidate}
              onDirtyChange={trackUnsaved}
            />
          ) : (
            <SignalView key={s.id} signal={s} dimensions={r.dimensions} />
          ),
        )}
        {editable && (
          <SignalEditor
            workspaceId={workspaceId}
            rubricId={rubricId}
            dimensions={r.dimensions}
            onSaved={invalidate}
            onDirtyChange={trackUnsaved}
          />
        )}
      </section>

      <RedFlags
        workspaceId={workspaceId}
        rubricId={rubricId}
        flags={v.redFlags}
        editable={editable}
        onSaved={invalidate}
      />

      {editable && (
        <PublishForm
          workspaceId={workspaceId}
          rubricId={rubricId}
          version={v.version}
          onPublished={invalidate}
          unsaved={unsaved}
        />
      )}
    </>
  );
}

const ANCHOR_LABELS = RATING_LABELS;

function SignalView({ signal, dimensions }: { signal: SignalData; dimensions: { key: string; name: string }[] }) {
  return (
    <Card
      title={signal.title}
      description={`${dimensions.find((d) => d.key === signal.dimensionKey)?.name ?? signal.dimensionKey} · weights entry ${signal.weights.entry}, mid ${signal.weights.mid}, senior ${signal.weights.senior}`}
    >
      <p className="text-sm text-slate-700">{signal.description}</p>
      <AnchorGrid anchors={signal.anchors} className="mt-3" />
    </Card>
  );
}

function SignalEditor({
  workspaceId,
  rubricId,
  dimensions,
  signal,
  position,
  count,
  onSaved,
  onDirtyChange,
}: {
  workspaceId: string;
  rubricId: string;
  dimensions: { key: string; name: string }[];
  signal?: SignalData;
  position?: number;
  count?: number;
  onSaved: () => void;
  onDirtyChange: (id: string, title: string, dirty: boolean) => void;
}) {
  const trpc = useTRPC();
  const prefix = signal ? `sig-${signal.id}` : "sig-new";
  const [title, setTitle] = useState(signal?.title ?? "");
  const [description, setDescription] = useState(signal?.description ?? "");
  const [dimensionKey, setDimensionKey] = useState(signal?.dimensionKey ?? dimensions[0]?.key ?? "");
  const [anchors, setAnchors] = useState<string[]>(signal?.anchors ?? ["", "", "", ""]);
  const [weights, setWeights] = useState({
    entry: String(signal?.weights.entry ?? 1),
    mid: String(signal?.weights.mid ?? 1),
    senior: String(signal?.weights.senior ?? 1),
  });
  const { errors, validate, onServerError } = useFormErrors();
  const saved = {
    title: signal?.title ?? "",
    description: signal?.description ?? "",
    dimensionKey: signal?.dimensionKey ?? dimensions[0]?.key ?? "",
    anchors: signal?.anchors ?? ["", "", "", ""],
    weights: {
      entry: String(signal?.weights.entry ?? 1),
      mid: String(signal?.weights.mid ?? 1),
      senior: String(signal?.weights.senior ?? 1),
    },
  };
  const dirty =
    title !== saved.title ||
    description !== saved.description ||
    dimensionKey !== saved.dimensionKey ||
    anchors.some((a, i) => a !== saved.anchors[i]) ||
    (["entry", "mid", "senior"] as const).some((l) => weights[l] !== saved.weights[l]);
  const cardId = signal?.id ?? "new";
  const cardTitle = signal ? signal.title : title.trim() || "the new signal";
  useEffect(() => onDirtyChange(cardId, cardTitle, dirty), [onDirtyChange, cardId, cardTitle, dirty]);
  useEffect(() => () => onDirtyChange(cardId, cardTitle, false), [onDirtyChange, cardId, cardTitle]);
  const save = useMutation(
    trpc.rubric.saveSignal.mutationOptions({
      onSuccess: (s) => {
        toast.success(signal ? `Saved "${s.title}"` : `Added "${s.title}"`);
        if (!signal) {
          setTitle("");
          setDescription("");
          setAnchors(["", "", "", ""]);
        }
        onSaved();
      },
      onError: onServerError,
    }),
  );
  const move = useMutation(trpc.rubric.moveSignal.mutationOptions({ onSuccess: onSaved }));
  const remove = useMutation(
    trpc.rubric.removeSignal.mutationOptions({
      onSuccess: () => {
        toast.success("Signal removed from the draft");
        onSaved();
      },
    }),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    const input = validate(SaveSignalInput, {
      workspaceId,
      rubricId,
      signalId: signal?.id,
      dimensionKey,
      title,
      description,
      anchors: { "1": anchors[0], "2": anchors[1], "3": anchors[2], "4": anchors[3] },
      weights: { entry: Number(weights.entry), mid: Number(weights.mid), senior: Number(weights.senior) },
    });
    if (input) save.mutate(input);
  }
  return (
    <Card title={signal ? undefined : "Add a signal"}>
      <form
        id={`signal-card-${cardId}`}
        onSubmit={submit}
        noValidate
        className="space-y-3"
        aria-label={signal ? `Signal: ${signal.title}` : "New signal"}
        data-testid={signal ? "signal-editor" : "new-signal"}
      >
        <div className="grid gap-3 sm:grid-cols-[1fr_14rem]">
          <Field label="Title" htmlFor={`${prefix}-title`} error={errors.title}>
            <Input
              id={`${prefix}-title`}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              invalid={!!errors.title}
            />
          </Field>
          <Field label="Dimension" htmlFor={`${prefix}-dim`} error={errors.dimensionKey}>
            <Select id={`${prefix}-dim`} value={dimensionKey} onChange={(e) => setDimensionKey(e.target.value)}>
              {dimensions.map((d) => (
                <option key={d.key} value={d.key}>
                  {d.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="What it looks for" htmlFor={`${prefix}-desc`} error={errors.description}>
          <Input
            id={`${prefix}-desc`}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            invalid={!!errors.description}
          />
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          {ANCHOR_LABELS.map((label, i) => (
            <Field key={label} label={`Anchor ${label}`} htmlFor={`${prefix}-a${i + 1}`}>
              <Textarea
                id={`${prefix}-a${i + 1}`}
                rows={2}
                value={anchors[i]}
                onChange={(e) => setAnchors(anchors.map((a, j) => (j === i ? e.target.value : a)))}
              />
            </Field>
          ))}
        </div>
        {errors.anchors && <Alert>Every rating needs an anchor: {errors.anchors}</Alert>}
        <fieldset className="grid grid-cols-3 gap-3">
          <legend className="mb-1 text-sm font-medium text-slate-800">Weight by level (0–5)</legend>
          {(["entry", "mid", "senior"] as const).map((level) => (
            <Field key={level} label={level[0]!.toUpperCase() + level.slice(1)} htmlFor={`${prefix}-w-${level}`}>
              <Input
                id={`${prefix}-w-${level}`}
                type="number"
                step="0.1"
                min={0}
                max={5}
                value={weights[level]}
                onChange={(e) => setWeights({ ...weights, [level]: e.target.value })}
              />
            </Field>
          ))}
        </fieldset>
        {errors.weights && <Alert>{errors.weights}</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={save.isPending}>
            {signal ? "Save signal" : "Add signal"}
          </Button>
          {dirty && (
            <span className="self-center text-sm text-amber-800" data-testid="unsaved-signal">
              Unsaved changes
            </span>
          )}
          {signal && position !== undefined && count !== undefined && (
            <>
              <Button
                type="button"
                variant="secondary"
                disabled={position === 0}
                busy={move.isPending && move.variables?.direction === "up"}
                onClick={() => move.mutate({ workspaceId, rubricId, signalId: signal.id, direction: "up" })}
                aria-label={`Move ${signal.title} up`}
              >
                ↑ Up
              </Button>
              <Button
                type="button"
                variant="secondary"
                disabled={position === count - 1}
                busy={move.isPending && move.variables?.direction === "down"}
                onClick={() => move.mutate({ workspaceId, rubricId, signalId: signal.id, direction: "down" })}
                aria-label={`Move ${signal.title} down`}
              >
                ↓ Down
              </Button>
              <Button
                type="button"
                variant="danger"
                busy={remove.isPending}
                onClick={() => remove.mutate({ workspaceId, rubricId, signalId: signal.id })}
                aria-label={`Remove ${signal.title}`}
              >
                Remove
              </Button>
            </>
          )}
        </div>
      </form>
    </Card>
  );
}

function RedFlags({
  workspaceId,
  rubricId,
  flags,
  editable,
  onSaved,
}: {
  workspaceId: string;
  rubricId: string;
  flags: { id: string; title: string; description: string }[];
  editable: boolean;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const save = useMutation(
    trpc.rubric.saveRedFlag.mutationOptions({
      onSuccess: () => {
        setTitle("");
        setDescription("");
        toast.success("Red flag added");
        onSaved();
      },
    }),
  );
  const remove = useMutation(trpc.rubric.removeRedFlag.mutationOptions({ onSuccess: onSaved }));
  return (
    <Card
      className="mt-6"
      title="Red flags"
      description="The checklist an interviewer ticks when they see one of these."
    >
      {flags.length === 0 ? (
        <EmptyState title="No red flags" />
      ) : (
        <ul className="divide-y divide-slate-100">
          {flags.map((f) => (
            <li key={f.id} className="flex items-start justify-between gap-3 py-2 text-sm">
              <span>
                <span className="font-medium">{f.title}</span>
                <span className="block text-slate-600">{f.description}</span>
              </span>
              {editable && (
                <Button
                  variant="ghost"
                  onClick={() => remove.mutate({ workspaceId, rubricId, redFlagId: f.id })}
                  aria-label={`Remove red flag ${f.title}`}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          className="mt-4 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ workspaceId, rubricId, title, description });
          }}
        >
          <Field label="Red flag" htmlFor="flag-title">
            <Input id="flag-title" value={title} onChange={(e) => setTitle(e.target.value)} />
          </Field>
          <Field label="What it looks like" htmlFor="flag-desc">
            <Input id="flag-desc" value={description} onChange={(e) => setDescription(e.target.value)} />
          </Field>
          <Button type="submit" variant="secondary" busy={save.isPending}>
            Add red flag
          </Button>
        </form>
      )}
    </Card>
  );
}

function PublishForm({
  workspaceId,
  rubricId,
  version,
  onPublished,
  unsaved,
}: {
  workspaceId: string;
  rubricId: string;
  version: number;
  onPublished: () => void;
  unsaved: Record<string, string>;
}) {
  const pending = Object.entries(unsaved);
  const trpc = useTRPC();
  const [summary, setSummary] = useState("");
  const { errors, validate, onServerError } = useFormErrors();
  const publish = useMutation(
    trpc.rubric.publish.mutationOptions({
      onSuccess: (r) => {
        toast.success(`Published version ${r.version}`);
        onPublished();
      },
      onError: onServerError,
    }),
  );
  return (
    <Card
      className="mt-6"
      title={`Publish version ${version}`}
      description="Publishing freezes this version: new scorecards use it, and nobody can change it afterwards."
    >
      <form
        noValidate
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          // Never publish past unsaved edits: they would silently be left out of the frozen version.
          if (pending.length > 0) {
            document.getElementById(`sig-${pending[0]![0]}-title`)?.focus();
            return;
          }
          const input = validate(PublishRubricInput, { workspaceId, rubricId, changeSummary: summary });
          if (input) publish.mutate(input);
        }}
      >
        {pending.length > 0 && (
          <Alert tone="warning" boxed className="w-full" data-testid="publish-blocked">
            Save or undo your changes first, or they would be left out of version {version}:{" "}
            {pending.map(([id, title], i) => (
              <span key={id}>
                {i > 0 && ", "}
                <a className="font-medium underline" href={`#signal-card-${id}`}>
                  {title}
                </a>
              </span>
            ))}
            .
          </Alert>
        )}
        <div className="min-w-64 flex-1">
          <Field label="What changed" htmlFor="change-summary" error={errors.changeSummary}>
            <Input
              id="change-summary"
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
              invalid={!!errors.changeSummary}
              placeholder="Sharpened the anchors of the testing signal"
            />
          </Field>
        </div>
        <Button type="submit" busy={publish.isPending}>
          Publish
        </Button>
      </form>
    </Card>
  );
}
