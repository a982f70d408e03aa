import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { firstParam, type SearchParams } from "@/app/_lib/search-params";
import { serve } from "@/trpc/server";
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
  const [first, library] = await Promise.all([
    serve(input, (api) => api.question.page),
    serve({ workspaceId: ws.id, includeArchived: false }, (api) => api.library.list),
  ]);
  // Only what the filter and the form show of each round type.
  const roundTypes = (library?.data.roundTypes ?? []).map((rt) => ({ id: rt.id, name: rt.name }));
  return (
    <>
      <PageHeader
        title="Question bank"
        description="Prompts tagged by round type, signals and level, with what each probes and its follow-ups."
      />
      <QuestionBank
        workspaceId={ws.id}
        slug={slug}
        canEdit={can(ws.role, "library.edit")}
        roundTypes={roundTypes}
        served={first}
      />
    </>
  );
}
