import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { Badge, Card, PageHeader, StackedCell, StackedRow, StackedTable } from "@/components/ui";
import { getServerCaller } from "@/trpc/server";
import { loadWorkspaceWith } from "../../../workspace-context";
import { VersionPicker } from "./version-picker";

export const metadata: Metadata = { title: "Compare versions" };
export const dynamic = "force-dynamic";

const tone = { added: "green", removed: "red", changed: "amber", unchanged: "gray" } as const;

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; rubricId: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { slug, rubricId } = await params;
  const sp = await searchParams;
  const ws = await loadWorkspaceWith(slug, "library.read");
  const from = Number(sp.from);
  const to = Number(sp.to);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < 1) notFound();
  let result;
  let versions: number[];
  try {
    const caller = await getServerCaller();
    result = await caller.rubric.compare({ workspaceId: ws.id, rubricId, from, to });
    versions = (await caller.rubric.get({ workspaceId: ws.id, rubricId })).versions
      .map((v) => v.version)
      .sort((a, b) => a - b);
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  const { diff } = result;
  return (
    <>
      <PageHeader
        title={`${result.rubric.name}: v${from} → v${to}`}
        description={`Signals: ${diff.summary.changed} changed, ${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.unchanged} unchanged. Red flags: ${diff.redFlagSummary.changed} changed, ${diff.redFlagSummary.added} added, ${diff.redFlagSummary.removed} removed, ${diff.redFlagSummary.unchanged} unchanged.${result.to.changeSummary ? ` Change summary of v${to}: “${result.to.changeSummary}”` : ""}`}
        actions={
          <Link
            href={`/w/${slug}/library/${rubricId}?v=${to}`}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            Back to v{to}
          </Link>
        }
      />
      <VersionPicker versions={versions} from={from} to={to} />
      <div className="space-y-4">
        {diff.signals.filter((d) => d.kind !== "unchanged").length === 0 && (
          <Card title="No signal changed">
            <p className="text-sm text-slate-700">The two versions have the same signals, anchors and weights.</p>
          </Card>
        )}
        {diff.signals
          .filter((d) => d.kind !== "unchanged")
          .map((d) => (
            <Card
              key={`s-${d.key}`}
              className=""
              title={d.kind === "added" ? d.after.title : d.kind === "removed" ? d.before.title : d.after.title}
            >
              <p className="-mt-2 mb-3">
                <Badge tone={tone[d.kind]}>{d.kind}</Badge>{" "}
                {"moved" in d && d.moved && <Badge tone="blue">moved</Badge>}
              </p>
              {d.kind === "changed" && (
                <StackedTable
                  caption={`Changes to ${d.after.title}`}
                  columns={["Field", `Before (v${from})`, `After (v${to})`]}
                  data-testid="diff-table"
                >
                  {d.changes.map((c) => (
                    <StackedRow key={c.field}>
                      <StackedCell header className="@xl:w-40">
                        {c.field}
                      </StackedCell>
                      <StackedCell
                        label={`Before (v${from})`}
                        prose
                        className="bg-red-50 px-2 text-red-900 @max-xl:py-1"
                      >
                        <del className="no-underline">{c.before}</del>
                      </StackedCell>
                      <StackedCell
                        label={`After (v${to})`}
                        prose
                        className="bg-emerald-50 px-2 text-emerald-900 @max-xl:py-1"
                      >
                        <ins className="no-underline">{c.after}</ins>
                      </StackedCell>
                    </StackedRow>
                  ))}
                </StackedTable>
              )}
            </Card>
          ))}
        {diff.signals.some((d) => d.kind === "unchanged") && (
          <Card title="Unchanged signals">
            <ul className="flex flex-wrap gap-2 text-sm">
              {diff.signals.flatMap((d) =>
                d.kind === "unchanged"
                  ? [
                      <li key={d.key}>
                        <Badge>
                          {d.after.title}
                          {d.moved ? " (moved)" : ""}
                        </Badge>
                      </li>,
                    ]
                  : [],
              )}
            </ul>
          </Card>
        )}
        {diff.redFlags.filter((d) => d.kind !== "unchanged").length > 0 && (
          <Card title="Red flags">
            <ul className="space-y-1 text-sm">
              {diff.redFlags
                .filter((d) => d.kind !== "unchanged")
                .map((d) => (
                  <li key={d.key}>
                    <Badge tone={tone[d.kind]}>{d.kind}</Badge> {d.kind === "removed" ? d.before.title : d.after.title}
                  </li>
                ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
