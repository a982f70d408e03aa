import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { can } from "@/domain/roles";
import { loadWorkspaceWith } from "../workspace-context";
import { QuestionBank } from "./question-bank";

export const metadata: Metadata = { title: "Question bank" };
export const dynamic = "force-dynamic";

export default async function QuestionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "library.read");
  return (
    <>
      <PageHeader
        title="Question bank"
        description="Prompts tagged by round type, signals and level, with what each probes and its follow-ups."
      />
      <QuestionBank workspaceId={ws.id} slug={slug} canEdit={can(ws.role, "library.edit")} />
    </>
  );
}
