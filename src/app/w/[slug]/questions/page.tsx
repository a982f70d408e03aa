import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { byNextCursor } from "@/app/_lib/next-page";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import { getQueryClient, trpc } from "@/trpc/server";
import { HydrateClient } from "@/trpc/hydrate-client";
import { loadWorkspaceWith } from "../workspace-context";
import { questionPageInput } from "./list-input";
import { QuestionBank } from "./question-bank";

export const metadata: Metadata = { title: "Question bank" };
export const dynamic = "force-dynamic";

export default async function QuestionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "library.read");
  // The first page with the filters QuestionBank reads from the URL, and the round types of its filter.
  const query = await searchParams;
  const input = questionPageInput(ws.id, {
    roundType: firstParam(query.roundType),
    signal: firstParam(query.signal),
    level: firstParam(query.level),
    q: firstParam(query.q),
    sort: firstParam(query.sort),
  });
  const qc = getQueryClient();
  await Promise.all([
    qc.prefetchInfiniteQuery(trpc.question.page.infiniteQueryOptions(input, byNextCursor)),
    qc.prefetchQuery(trpc.library.list.queryOptions({ workspaceId: ws.id, includeArchived: false })),
  ]);
  return (
    <>
      <PageHeader
        title="Question bank"
        description="Prompts tagged by round type, signals and level, with what each probes and its follow-ups."
      />
      <HydrateClient>
        <QuestionBank workspaceId={ws.id} slug={slug} canEdit={can(ws.role, "library.edit")} />
      </HydrateClient>
    </>
  );
}
