"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { toast } from "@/components/toast";
import { AnchorGrid } from "@/components/anchor-grid";
import { LocalTime } from "@/components/time";
import { Alert, Button, Card, EmptyState, PageHeader, Skeleton, cx } from "@/components/ui";
import { useAction } from "@/trpc/action";
import { invalidate as invalidatePaths, useLightQuery, type Served } from "@/trpc/light-query";
import { PublishForm } from "./publish-form";
import { RedFlags } from "./red-flags";
import { SignalEditor } from "./signal-editor";
import { rubricInput, type RubricData, type SignalData } from "./use-rubric";

const invalidate = () => void invalidatePaths("rubric.get");

export function RubricEditor({
  workspaceId,
  slug,
  rubricId,
  version,
  canEdit,
  served,
}: {
  workspaceId: string;
  slug: string;
  rubricId: string;
  version?: number;
  canEdit: boolean;
  /** The rubric at the URL's version, rendered by the server. */
  served: Served<ReturnType<typeof rubricInput>, RubricData> | null;
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
  const router = useRouter();
  const rubric = useLightQuery((api) => api.rubric.get.query, rubricInput(workspaceId, rubricId, version), served);
  const startDraft = useAction((api) => api.rubric.startDraft.mutate, {
    onSuccess: (r) => {
      toast.success(r.created ? `Started version ${r.version} as a draft` : `Version ${r.version} is already a draft`);
      invalidate();
      router.push(`/w/${slug}/library/${rubricId}`);
    },
  });
  const copy = useAction((api) => api.rubric.copy.mutate, {
    onSuccess: (r) => {
      toast.success(`Created ${r.name}`);
      router.push(`/w/${slug}/library/${r.id}`);
    },
  });
  const archive = useAction((api) => api.rubric.archive.mutate, {
    onSuccess: (r) => {
      toast.success(r.archived ? "Rubric archived" : "Rubric restored");
      invalidate();
    },
  });
  // The export is read when asked for, as a file to save.
  const exportFile = useAction((api) => api.rubric.export.query, {
    onSuccess: (file, input) => {
      const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = `${file.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-v${input.version}.json`;
      a.click();
      URL.revokeObjectURL(url);
    },
  });
  const download = () => exportFile.mutate({ workspaceId, rubricId, version: rubric.data?.version.version });

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
            <Button variant="secondary" onClick={download}>
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
