// Released feedback reports as the candidate sees them, for coaches and owners (the public API's reports):
// only released reports, only their latest released version, never a draft or a withdrawn report.
import { candidateView } from "@/domain/report";
import { readReportContent } from "@/schemas/report";
import { notFound } from "@/server/errors";
import { after, pageOf } from "./paging";
import type { Scope, Tx } from "./scope";

async function showsNames(db: Tx, workspaceId: string) {
  const ws = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { showInterviewerNames: true },
  });
  return ws.showInterviewerNames;
}

/** Released reports, newest first, a page at a time, optionally of one loop; without their content. */
export async function listReleasedReports(
  db: Tx,
  scope: Scope,
  input: { loopId?: string; cursor?: string; limit: number },
) {
  const rows = await db.feedbackReport.findMany({
    where: { workspaceId: scope.workspaceId, status: "released", ...(input.loopId ? { loopId: input.loopId } : {}) },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...after(input.cursor),
    include: { versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, releasedAt: true } } },
  });
  const page = pageOf(rows, input.limit);
  return {
    items: page.items.flatMap((r) =>
      r.versions[0]
        ? [
            {
              id: r.id,
              loopId: r.loopId,
              candidateMemberId: r.candidateMemberId,
              version: r.versions[0].version,
              releasedAt: r.versions[0].releasedAt,
            },
          ]
        : [],
    ),
    nextCursor: page.nextCursor,
  };
}

/** One released report's latest version, with the content exactly as its candidate reads it. */
export async function getReleasedReport(db: Tx, scope: Scope, input: { reportId: string }) {
  const report = await db.feedbackReport.findFirst({
    where: { id: input.reportId, workspaceId: scope.workspaceId, status: "released" },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
  });
  const version = report?.versions[0];
  if (!report || !version) throw notFound("That released report");
  return {
    id: report.id,
    loopId: report.loopId,
    candidateMemberId: report.candidateMemberId,
    version: version.version,
    releasedAt: version.releasedAt,
    content: candidateView(readReportContent(version.content), await showsNames(db, scope.workspaceId)),
  };
}
