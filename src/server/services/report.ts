// Candidate feedback reports. The coach drafts from the calibrated debrief, picks and edits evidence,
// previews exactly what the candidate will see, releases (email through the outbox), revises or
// withdraws. Candidates only ever read released versions, and never interviewer identities or
// unreleased notes (unless the workspace shows interviewer names, and then only on released excerpts).
import { calibrate } from "@/domain/calibration";
import { BAR_BY_LEVEL, buildPracticePlan, pickStrengthsAndGrowth, type Level, type ReportContent, type SignalScore } from "@/domain/report";
import type { SignalAnswer } from "@/domain/scorecard";
import { AppError, notFound } from "@/server/errors";
import { asJson, type Db } from "@/server/db";
import { enqueueEmail } from "@/server/email/outbox";
import { renderEmail } from "@/server/email/render";
import { getEnv } from "@/server/env";
import { recordAudit } from "./audit";
import { candidateKey, loadSubmittedRatings } from "./ratings";
import type { Scope, Tx } from "./scope";


type Draft = Pick<ReportContent, "summary" | "strengths" | "growthAreas" | "excerpts">;

/** Everything computed for a loop: scores, a suggested draft, and the evidence the coach may pick from. */
async function analyseLoop(db: Tx, scope: Scope, loopId: string) {
  const loop = await db.loop.findFirst({ where: { id: loopId, workspaceId: scope.workspaceId } });
  if (!loop) throw notFound("That loop");
  const debrief = await db.debrief.findUnique({ where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId } } });
  if (!debrief?.decision) throw new AppError("CONFLICT", "Record the debrief decision first; the report builds on it.");
  const { cards, bySignal, byDimension } = await loadSubmittedRatings(db, scope.workspaceId);
  const me = candidateKey(loop);
  const versionIds = [...new Set(cards.map((c) => c.rubricVersionId))];
  const [signals, flags, dimensions, roundTypes, rounds, members, questions] = await Promise.all([
    db.signal.findMany({ where: { workspaceId: scope.workspaceId, rubricVersionId: { in: versionIds } }, include: { version: { select: { rubric: { select: { roundTypeId: true } } } } } }),
    db.rubricRedFlag.findMany({ where: { workspaceId: scope.workspaceId, rubricVersionId: { in: versionIds } }, select: { key: true, title: true } }),
    db.dimension.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: { order: "asc" } }),
    db.roundType.findMany({ where: { workspaceId: scope.workspaceId }, select: { id: true, key: true } }),
    db.round.findMany({ where: { workspaceId: scope.workspaceId, loopId }, select: { id: true, questionId: true } }),
    db.membership.findMany({ where: { workspaceId: scope.workspaceId, id: { in: [...new Set(cards.filter((c) => c.loopId === loopId).map((c) => c.interviewerMemberId))] } }, include: { user: { select: { name: true, email: true } } } }),
    db.question.findMany({ where: { workspaceId: scope.workspaceId, archivedAt: null }, select: { id: true, title: true, roundTypeId: true, signalKeys: true } }),
  ]);
  const rtKey = new Map(roundTypes.map((r) => [r.id, r.key]));
  const sigResult = calibrate(bySignal);
  const dimResult = calibrate(byDimension);
  const titleOf = (key: string) => signals.find((s) => s.key === key);
  const scores: SignalScore[] = sigResult.candidates
    .filter((c) => c.candidateId === me && c.key !== null)
    .flatMap((c) => {
      const s = titleOf(c.key!);
      return s ? [{ key: s.key, title: s.title, dimension: s.dimensionKey, roundTypeKey: rtKey.get(s.version.rubric.roundTypeId) ?? "", calibrated: c.calibrated }] : [];
    });
  const { strengths, growth } = pickStrengthsAndGrowth(scores);
  const level = loop.level as Level;
  const mine = cards.filter((c) => c.loopId === loopId);
  const excerptsOffered = mine.flatMap((c) =>
    Object.entries(c.ratings as unknown as Record<string, SignalAnswer>).flatMap(([key, a]) =>
      a?.evidence?.trim() ? [{ signalTitle: titleOf(key)?.title ?? key, text: a.evidence.trim(), by: members.find((m) => m.id === c.interviewerMemberId)?.user.name ?? null }] : [],
    ),
  );
  const computed = {
    level,
    bar: BAR_BY_LEVEL[level],
    dimensions: dimResult.candidates
      .filter((c) => c.candidateId === me && c.key !== null)
      .map((c) => ({ key: c.key!, name: dimensions.find((d) => d.key === c.key)?.name ?? c.key!, calibrated: c.calibrated, standardError: Number.isFinite(c.standardError) ? c.standardError : 0 })),
    redFlags: [...new Set(mine.flatMap((c) => c.redFlagKeys))].map((k) => flags.find((f) => f.key === k)?.title ?? k),
    practicePlan: buildPracticePlan(
      growth,
      questions.map((q) => ({ id: q.id, title: q.title, roundTypeKey: rtKey.get(q.roundTypeId) ?? "", signalKeys: q.signalKeys })),
      new Set(rounds.flatMap((r) => (r.questionId ? [r.questionId] : []))),
    ),
    decidedAt: debrief.decidedAt?.toISOString() ?? null,
  };
  const suggested: Draft = {
    // Starts empty: the debrief rationale is the panel's internal note, not the candidate's feedback.
    summary: "",
    strengths: strengths.map((s) => ({ title: s.title, note: "" })),
    growthAreas: growth.map((s) => ({ title: s.title, note: "" })),
    excerpts: [],
  };
  return { loop, computed, suggested, excerptsOffered };
}

export async function getReportDraft(db: Db, scope: Scope, input: { loopId: string }) {
  const analysis = await analyseLoop(db, scope, input.loopId);
  let report = await db.feedbackReport.findUnique({ where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: input.loopId } } });
  report ??= await db.feedbackReport.create({ data: { workspaceId: scope.workspaceId, loopId: input.loopId, candidateMemberId: analysis.loop.candidateMemberId, draft: asJson(analysis.suggested) } });
  const draft = report.draft as unknown as Draft;
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: scope.workspaceId }, select: { showInterviewerNames: true } });
  return {
    reportId: report.id,
    status: report.status,
    releasedVersion: report.releasedVersion,
    draft,
    excerptsOffered: analysis.excerptsOffered,
    preview: candidateView({ ...analysis.computed, ...draft }, ws.showInterviewerNames),
  };
}

/** Exactly what a candidate receives: names on excerpts only when the workspace shows them. */
export function candidateView(content: ReportContent, showInterviewerNames: boolean): ReportContent {
  return { ...content, excerpts: content.excerpts.map((e) => ({ signalTitle: e.signalTitle, text: e.text, by: showInterviewerNames ? e.by : null })) };
}

export async function saveReportDraft(db: Db, scope: Scope, input: { loopId: string; draft: Draft }) {
  const report = await db.feedbackReport.findUnique({ where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: input.loopId } } });
  if (!report) throw notFound("That loop's report; open the report draft first");
  await db.feedbackReport.update({ where: { id: report.id }, data: { draft: asJson(input.draft) } });
  return getReportDraft(db, scope, { loopId: input.loopId });
}

export async function releaseReport(db: Db, scope: Scope, input: { loopId: string }) {
  const analysis = await analyseLoop(db, scope, input.loopId);
  if (!analysis.loop.candidateMemberId) throw new AppError("CONFLICT", "The candidate has not accepted their invitation yet, so there is nobody to release the report to.");
  return db.$transaction(async (tx) => {
    const report = await tx.feedbackReport.findUnique({ where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: input.loopId } } });
    if (!report) throw notFound("That loop's report; open the report draft first");
    await tx.$queryRaw`SELECT "id" FROM "feedback_reports" WHERE "id" = ${report.id} FOR UPDATE`;
    const fresh = await tx.feedbackReport.findUniqueOrThrow({ where: { id: report.id } });
    const version = fresh.releasedVersion + 1;
    const content: ReportContent = { ...analysis.computed, ...(fresh.draft as unknown as Draft) };
    await tx.feedbackReportVersion.create({ data: { workspaceId: scope.workspaceId, reportId: report.id, version, content: asJson(content), releasedById: scope.userId } });
    await tx.feedbackReport.update({ where: { id: report.id }, data: { status: "released", releasedVersion: version, candidateMemberId: analysis.loop.candidateMemberId } });
    const [candidate, ws] = await Promise.all([
      tx.membership.findFirstOrThrow({ where: { id: analysis.loop.candidateMemberId!, workspaceId: scope.workspaceId }, include: { user: { select: { email: true, name: true } } } }),
      tx.workspace.findUniqueOrThrow({ where: { id: scope.workspaceId }, select: { name: true, slug: true } }),
    ]);
    if (candidate.user.email) {
      const email = await renderEmail("report-released", {
        recipientName: candidate.user.name ?? candidate.user.email,
        workspaceName: ws.name,
        revised: version > 1,
        url: `${getEnv().appUrl}/w/${ws.slug}/reports/${report.id}`,
      });
      await enqueueEmail(tx, { workspaceId: scope.workspaceId, to: candidate.user.email, email, topic: `report:${report.id}:v${version}` });
    }
    await recordAudit(tx, { workspaceId: scope.workspaceId, actorId: scope.userId, action: "report.released", targetType: "report", targetId: report.id, data: { version } });
    return { reportId: report.id, version };
  });
}

export async function withdrawReport(db: Db, scope: Scope, input: { loopId: string }) {
  return db.$transaction(async (tx) => {
    const report = await tx.feedbackReport.findUnique({ where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: input.loopId } } });
    if (!report) throw notFound("That loop's report");
    if (report.status !== "released") throw new AppError("CONFLICT", "Only a released report can be withdrawn.");
    await tx.feedbackReport.update({ where: { id: report.id }, data: { status: "withdrawn" } });
    await recordAudit(tx, { workspaceId: scope.workspaceId, actorId: scope.userId, action: "report.withdrawn", targetType: "report", targetId: report.id, data: { version: report.releasedVersion } });
    return { reportId: report.id, status: "withdrawn" as const };
  });
}

async function releasedFor(db: Db, scope: Scope) {
  const reports = await db.feedbackReport.findMany({
    where: { workspaceId: scope.workspaceId, candidateMemberId: scope.memberId, status: "released" },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    orderBy: { createdAt: "asc" },
  });
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: scope.workspaceId }, select: { showInterviewerNames: true } });
  return reports.flatMap((r) => (r.versions[0] ? [{ reportId: r.id, version: r.versions[0].version, releasedAt: r.versions[0].releasedAt, content: candidateView(r.versions[0].content as unknown as ReportContent, ws.showInterviewerNames) }] : []));
}

/** The candidate's released reports, oldest first. */
export async function listMyReports(db: Db, scope: Scope) {
  return (await releasedFor(db, scope)).map((r) => ({ reportId: r.reportId, version: r.version, releasedAt: r.releasedAt, level: r.content.level, decidedAt: r.content.decidedAt }));
}

/** One released report (its latest version) and the candidate's progress across all released reports. */
export async function getMyReport(db: Db, scope: Scope, input: { reportId: string }) {
  const all = await releasedFor(db, scope);
  const current = all.find((r) => r.reportId === input.reportId);
  if (!current) throw notFound("That report");
  return {
    ...current,
    progress: all.map((r) => ({ reportId: r.reportId, at: r.content.decidedAt ?? r.releasedAt.toISOString(), dimensions: Object.fromEntries(r.content.dimensions.map((d) => [d.name, Number(d.calibrated.toFixed(2))])) })),
  };
}
