import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui";
import { getServerCaller } from "@/trpc/server";
import { loadWorkspaceWith } from "../workspace-context";

export const metadata: Metadata = { title: "Interviewer kits" };
export const dynamic = "force-dynamic";

export default async function KitsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "kit.read");
  const kits = await (await getServerCaller()).kit.list({ workspaceId: ws.id });
  return (
    <>
      <PageHeader
        title="Interviewer kits"
        description="Everything for the room: the question, its follow-ups, the signals with their anchors, red flags and a timing guide."
      />
      {kits.length === 0 ? (
        <EmptyState title="No kits yet">A coach needs to publish a rubric first.</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {kits.map((rt) => (
            <Card key={rt.id} title={rt.name} description={`${rt.defaultDurationMin} min`}>
              <Link href={`/w/${slug}/kits/${rt.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                Open the {rt.name} kit without a question
              </Link>
              <ul className="mt-3 divide-y divide-slate-100 border-t border-slate-100">
                {rt.questions.map((q) => (
                  <li key={q.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                    <Link href={`/w/${slug}/kits/${rt.id}?question=${q.id}`} className="text-slate-900 hover:underline">
                      {q.title}
                    </Link>
                    <Badge>{q.difficulty}</Badge>
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
