import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { AnchorGrid } from "@/components/anchor-grid";
import { Badge, Card } from "@/components/ui";
import { getServerCaller } from "@/trpc/server";
import { loadWorkspaceWith } from "../../workspace-context";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Interviewer kit" };
export const dynamic = "force-dynamic";

export default async function KitPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; roundTypeId: string }>;
  searchParams: Promise<{ question?: string; minutes?: string }>;
}) {
  const { slug, roundTypeId } = await params;
  const { question, minutes: minutesParam } = await searchParams;
  const minutes = Number(minutesParam);
  const ws = await loadWorkspaceWith(slug, "kit.read");
  let kit;
  try {
    kit = await (
      await getServerCaller()
    ).kit.get({
      workspaceId: ws.id,
      roundTypeId,
      questionId: question || undefined,
      minutes: Number.isInteger(minutes) && minutes >= 10 && minutes <= 240 ? minutes : undefined,
    });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    if (err instanceof TRPCError && err.code === "CONFLICT") return <p role="alert">{err.message}</p>;
    throw err;
  }
  const byDimension = new Map<string, typeof kit.signals>();
  for (const s of kit.signals) byDimension.set(s.dimension, [...(byDimension.get(s.dimension) ?? []), s]);
  return (
    <article className="space-y-6 print:space-y-4" aria-labelledby="kit-title">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm font-medium text-brand-700">Interviewer kit · {kit.roundType.defaultDurationMin} min</p>
          <h1 id="kit-title" className="text-2xl font-semibold tracking-tight">
            {kit.roundType.name}
            {kit.question ? `: ${kit.question.title}` : ""}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {kit.rubric.name}, version {kit.rubric.version}
          </p>
        </div>
        <PrintButton />
      </header>

      {kit.question && (
        <Card title="The question">
          <p className="whitespace-pre-line text-slate-900" data-testid="kit-prompt">
            {kit.question.prompt}
          </p>
          <p className="mt-3 text-sm text-slate-700">
            <span className="font-medium">What it probes:</span> {kit.question.probes}
          </p>
          {kit.question.followUps.length > 0 && (
            <>
              <h3 className="mt-3 text-sm font-semibold">Follow-ups</h3>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                {kit.question.followUps.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </>
          )}
          <p className="mt-3 flex gap-1">
            {kit.question.levels.map((l) => (
              <Badge key={l}>{l}</Badge>
            ))}
            <Badge tone="blue">{kit.question.difficulty}</Badge>
          </p>
        </Card>
      )}

      <Card title="Timing guide" description={`For a ${kit.minutes}-minute round.`}>
        <ol className="space-y-1 text-sm">
          {kit.timingGuide.map((step, i) => (
            <li key={i} className="flex gap-3">
              <span className="w-16 shrink-0 font-medium">{step.minutes} min</span>
              <span>{step.activity}</span>
            </li>
          ))}
        </ol>
      </Card>

      {[...byDimension].map(([dimension, signals]) => (
        <section key={dimension} aria-label={dimension} className="break-inside-avoid">
          <h2 className="mb-2 text-lg font-semibold">{dimension}</h2>
          <div className="space-y-3">
            {signals.map((s) => (
              <Card key={s.key} title={s.title} description={s.description}>
                {s.probedByQuestion && (
                  <p className="-mt-2 mb-2">
                    <Badge tone="green">probed by this question</Badge>
                  </p>
                )}
                <AnchorGrid anchors={s.anchors} />
              </Card>
            ))}
          </div>
        </section>
      ))}

      <Card title="Red flags to watch for">
        <ul className="space-y-2 text-sm">
          {kit.redFlags.map((f) => (
            <li key={f.key}>
              <span className="font-medium">{f.title}.</span> {f.description}
            </li>
          ))}
        </ul>
      </Card>
    </article>
  );
}
