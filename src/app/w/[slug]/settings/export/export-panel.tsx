"use client";

import { toast } from "@/components/toast";
import { LocalTime } from "@/components/time";
import { Alert, Badge, Button, buttonClass, Card, EmptyState, Skeleton } from "@/components/ui";
import { useAction } from "@/trpc/action";
import { invalidate, useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";

const STATUS = {
  queued: { label: "Waiting to start", tone: "gray" },
  running: { label: "Running", tone: "blue" },
  succeeded: { label: "Ready", tone: "green" },
  failed: { label: "Failed", tone: "red" },
} as const;

function size(bytes: number) {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const running = (exports: RouterOutputs["workspaceExport"]["list"] | undefined) =>
  exports?.some((e) => e.status === "queued" || e.status === "running") ?? false;

export function ExportPanel({
  workspaceId,
  served,
}: {
  workspaceId: string;
  /** The recent exports, rendered by the server. */
  served: Served<{ workspaceId: string }, RouterOutputs["workspaceExport"]["list"]> | null;
}) {
  const exports = useLightQuery((api) => api.workspaceExport.list.query, { workspaceId }, served, {
    // Progress: poll while an export is waiting or running.
    refetchInterval: (data) => (running(data) ? 1_000 : false),
  });
  // Its error is the action's toast, as every write's.
  const start = useAction((api) => api.workspaceExport.start.mutate, {
    onSuccess: () => {
      void invalidate("workspaceExport.list");
      toast.success("Export started");
    },
  });
  const busy = running(exports.data);
  return (
    <div className="space-y-6">
      <Card
        title="Export the workspace"
        description="Large workspaces take a little while; you can leave this page and come back."
      >
        <Button type="button" disabled={busy || start.isPending} onClick={() => start.mutate({ workspaceId })}>
          {busy ? "Export in progress…" : "Start export"}
        </Button>
      </Card>
      <Card title="Recent exports" description="The last three are kept.">
        {exports.isPending ? (
          <Skeleton />
        ) : !exports.data?.length ? (
          <EmptyState title="No exports yet">Start one above; it appears here with its progress.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {exports.data.map((e) => (
              <li key={e.id} className="space-y-3 py-4 first:pt-0 last:pb-0" data-testid="export-row">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge tone={STATUS[e.status].tone}>{STATUS[e.status].label}</Badge>
                  <span className="text-slate-700">
                    Started <LocalTime value={e.createdAt} style="short" />
                  </span>
                  {e.status === "succeeded" && <span className="text-slate-600">{size(e.bytes)}</span>}
                </div>
                {(e.status === "queued" || e.status === "running") && (
                  <div className="flex items-center gap-3">
                    <div
                      role="progressbar"
                      aria-label="Export progress"
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={e.progress}
                      className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200"
                    >
                      <div className="h-full bg-brand-600 transition-all" style={{ width: `${e.progress}%` }} />
                    </div>
                    <span className="w-10 text-right text-sm text-slate-700 tabular-nums">{e.progress}%</span>
                  </div>
                )}
                {e.status === "failed" && <Alert tone="error">{e.lastError ?? "The export failed."}</Alert>}
                {e.status === "succeeded" && <Downloads workspaceId={workspaceId} exportId={e.id} files={e.files} />}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function Downloads({
  workspaceId,
  exportId,
  files,
}: {
  workspaceId: string;
  exportId: string;
  files: { name: string; bytes: number }[];
}) {
  const href = (name: string) => `/api/workspaces/${workspaceId}/exports/${exportId}/${name}`;
  const csv = files.filter((f) => f.name.endsWith(".csv"));
  return (
    <div className="space-y-2">
      <a href={href("workspace.json")} download className={buttonClass("secondary")}>
        Download workspace.json
      </a>
      <details className="text-sm">
        <summary className="cursor-pointer rounded text-slate-700 focus-ring">CSV files ({csv.length})</summary>
        <ul className="mt-2 grid gap-1 sm:grid-cols-2">
          {csv.map((f) => (
            <li key={f.name}>
              <a href={href(f.name)} download className="underline focus-ring">
                {f.name}
              </a>{" "}
              <span className="text-slate-600">({size(f.bytes)})</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
