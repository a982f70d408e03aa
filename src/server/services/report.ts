// Candidate feedback reports. The coach drafts from the calibrated debrief, picks and edits evidence,
// previews exactly what the candidate will see, releases (email through the outbox), revises or
// withdraws. Candidates only ever read released versions, and never interviewer identities or
// unreleased notes (unless the workspace shows interviewer names, and then only on released excerpts).
import { readRatings, readReportDraft } from "@/server/db/json";
import { displayName } from "@/domain/people";
import { roundLabels } from "@/domain/loop-status";
import {
  BAR_BY_LEVEL,
  buildPracticePlan,
  candidateView,
  likelyRange,
  pickStrengthsAndGrowth,
  type ReportContent,
  type SignalScore,
} from "@/domain/report";
import { readReportContent } from "@/schemas/report";
import { BoundedCache } from "@/server/bounded-cache";
import { AppError, notFound } from "@/server/errors";
import { asJson, queryInTransaction, sqlPart } from "@/server/db";
import { enqueueEmail } from "@/server/email/outbox";
import { renderEmail } from "@/server/email/render";
import { getEnv } from "@/server/env";
import { recordAudit } from "./audit";
import { loadCohort, scoreLoop, type CohortCard } from "./cohort";
import { inTransaction, type Scope, type Tx } from "./scope";
import { emitEvent, eventLoop } from "@/server/webhooks/emit";

type Draft = Pick<ReportContent, "summary" | "strengths" | "growthAreas" | "excerpts">;

/** Everything computed for a loop: scores, a suggested draft, and the evidence the coach may pick from. */
async function analyseLoop(db: Tx, scope: Scope, loopId: string, now = new Date()) {
  const loop = await db.loop.findFirst({
    where: { id: loopId, workspaceId: scope.workspaceId },
    include: {
      rounds: {
        select: { id: true, order: true, roundTypeId: true, questionId: true, startsAt: true, status: true },
        orderBy: { order: "asc" },
      },
    },
  });
  if (!loop) throw notFound("That loop");
  const debrief = await db.debrief.findUnique({
    where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId } },
  });
  if (!debrief?.decision) throw new AppError("CONFLICT", "Record the debrief decision first; the report builds on it.");
  const [rows, cohort] = await Promise.all([
    db.scorecard.findMany({
      where: { workspaceId: scope.workspaceId, loopId, status: "submitted" },
      orderBy: { id: "asc" },
    }),
    loadCohort(db, scope.workspaceId, now),
  ]);
  const mine: CohortCard[] = rows.map((c) => ({ ...c, ratings: readRatings(c.ratings) }));
  const versionIds = [...new Set(mine.map((c) => c.rubricVersionId))];
  const [signals, flags, dimensions, roundTypes, members, questions, scores] = await Promise.all([
    db.signal.findMany({
      where: { workspaceId: scope.workspaceId, rubricVersionId: { in: versionIds } },
      include: { version: { select: { rubric: { select: { roundTypeId: true } } } } },
    }),
    db.rubricRedFlag.findMany({
      where: { workspaceId: scope.workspaceId, rubricVersionId: { in: versionIds } },
      select: { key: true, title: true },
    }),
    db.dimension.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: { order: "asc" } }),
    db.roundType.findMany({ where: { workspaceId: scope.workspaceId }, select: { id: true, key: true, name: true } }),
    db.membership.findMany({
      where: { workspaceId: scope.workspaceId, id: { in: [...new Set(mine.map((c) => c.interviewerMemberId))] } },
      include: { user: { select: { name: true, email: true } } },
    }),
    db.question.findMany({
      where: { workspaceId: scope.workspaceId, archivedAt: null },
      select: { id: true, title: true, roundTypeId: true, signalKeys: true },
    }),
    scoreLoop(db, cohort, loopId, mine),
  ]);
  const rtKey = new Map(roundTypes.map((r) => [r.id, r.key]));
  const roundName = roundLabels(
    loop.rounds.map((r) => ({
      id: r.id,
      order: r.order,
      typeName: roundTypes.find((t) => t.id === r.roundTypeId)?.name ?? "Round",
    })),
  );
  const titleOf = (key: string) => signals.find((s) => s.key === key);
  // Only this loop's signals: a signal no round of the loop rated cannot be a strength or a growth area.
  const signalScores: SignalScore[] = scores.signals.flatMap((c) => {
    const s = titleOf(c.key);
    return s
      ? [
          {
            key: s.key,
            title: s.title,
            dimension: s.dimensionKey,
            roundTypeKey: rtKey.get(s.version.rubric.roundTypeId) ?? "",
            score: c.calibrated ?? c.raw,
          },
        ]
      : [];
  });
  const { strengths, growth } = pickStrengthsAndGrowth(signalScores);
  const level = loop.level;
  // Offered to the coach grouped by signal (in rubric order) and labelled by round; only picked ones are shared.
  const signalOrder = new Map(signals.map((sig) => [sig.key, sig.order]));
  const excerptsOffered = mine
    .flatMap((c) =>
      Object.entries(c.ratings).flatMap(([key, a]) =>
        a?.evidence?.trim()
          ? [
              {
                signalKey: key,
                signalTitle: titleOf(key)?.title ?? key,
                text: a.evidence.trim(),
                by: members.find((m) => m.id === c.interviewerMemberId)?.user.name ?? null,
                round: roundName.get(c.roundId) ?? "Round",
              },
            ]
          : [],
      ),
    )
    .sort(
      (x, y) =>
        (signalOrder.get(x.signalKey) ?? 99) - (signalOrder.get(y.signalKey) ?? 99) ||
        x.signalTitle.localeCompare(y.signalTitle) ||
        x.round.localeCompare(y.round),
    );
  const order = new Map(dimensions.map((d, i) => [d.key, i]));
  const firstStart = loop.rounds
    .flatMap((r) => (r.status !== "cancelled" && r.startsAt ? [r.startsAt] : []))
    .sort((a, b) => a.getTime() - b.getTime())[0];
  const computed = {
    level,
    bar: BAR_BY_LEVEL[level],
    loop: { label: `${loop.targetRole} (${level})`, heldOn: firstStart?.toISOString() ?? null },
    dimensions: scores.dimensions
      .map((d) => ({
        key: d.key,
        name: dimensions.find((x) => x.key === d.key)?.name ?? d.key,
        score: d.calibrated ?? d.raw,
        calibrated: d.calibrated !== null,
        standardError: d.calibrated !== null ? d.standardError : null,
        rounds: loop.rounds.filter((r) => d.roundIds.includes(r.id)).map((r) => roundName.get(r.id)!),
        note: d.calibrated === null ? CANDIDATE_NOT_CALIBRATED : null,
      }))
      .sort((a, b) => (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99)),
    redFlags: [...new Set(mine.flatMap((c) => c.redFlagKeys))].map((k) => flags.find((f) => f.key === k)?.title ?? k),
    practicePlan: buildPracticePlan(
      growth,
      questions.map((q) => ({
        id: q.id,
        title: q.title,
        roundTypeKey: rtKey.get(q.roundTypeId) ?? "",
        signalKeys: q.signalKeys,
      })),
      new Set(loop.rounds.flatMap((r) => (r.questionId ? [r.questionId] : []))),
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
  return { loop, computed, suggested, excerptsOffered, calibrationUpdating: cohort.updating };
}

/** Shown to candidates (no statistics words) when a dimension could not be put on the common scale. */
const CANDIDATE_NOT_CALIBRATED =
  "This is the plain average of your ratings: there was not enough overlap between interviewers to adjust it for how strictly each one rates.";

export async function getReportDraft(db: Tx, scope: Scope, input: { loopId: string }) {
  const analysis = await analyseLoop(db, scope, input.loopId);
  let report = await db.feedbackReport.findUnique({
    where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: input.loopId } },
  });
  report ??= await db.feedbackReport.create({
    data: {
      workspaceId: scope.workspaceId,
      loopId: input.loopId,
      candidateMemberId: analysis.loop.candidateMemberId,
      draft: asJson(analysis.suggested),
    },
  });
  const draft: Draft = readReportDraft(report.draft);
  const [ws, released] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: scope.workspaceId }, select: { showInterviewerNames: true } }),
    report.releasedVersion
      ? db.feedbackReportVersion.findFirst({
          where: { workspaceId: scope.workspaceId, reportId: report.id, version: report.releasedVersion },
          select: { content: true },
        })
      : null,
  ]);
  // Released numbers never change by themselves; say so when today's calculation differs from them.
  const numbers = (dims: ReportContent["dimensions"]) =>
    JSON.stringify(dims.map((d) => [d.key, d.score.toFixed(2), d.standardError?.toFixed(2) ?? null]));
  const scoresChangedSinceRelease = released
    ? numbers(readReportContent(released.content).dimensions) !== numbers(analysis.computed.dimensions)
    : false;
  return {
    reportId: report.id,
    status: report.status,
    releasedVersion: report.releasedVersion,
    /** A report can go out only to a member: an invited candidate must accept first. */
    candidateJoined: !!analysis.loop.candidateMemberId,
    scoresChangedSinceRelease,
    /** The stored fit is behind the latest scorecards: numbers may still move, and release waits. */
    calibrationUpdating: analysis.calibrationUpdating,
    /** The editor's live preview applies the same rule as the released report (candidateView). */
    showInterviewerNames: ws.showInterviewerNames,
    draft,
    excerptsOffered: analysis.excerptsOffered,
    preview: candidateView({ ...analysis.computed, ...draft }, ws.showInterviewerNames),
  };
}

export async function saveReportDraft(db: Tx, scope: Scope, input: { loopId: string; draft: Draft }) {
  const report = await db.feedbackReport.findUnique({
    where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: input.loopId } },
  });
  if (!report) throw notFound("That loop's report; open the report draft first");
  await db.feedbackReport.update({ where: { id: report.id }, data: { draft: asJson(input.draft) } });
  return getReportDraft(db, scope, { loopId: input.loopId });
}

export async function releaseReport(db: Tx, scope: Scope, input: { loopId: string }) {
  return inTransaction(db, async (tx) => {
    // Analysed inside the transaction, so the released numbers are those of the scorecards it sees.
    const analysis = await analyseLoop(tx, scope, input.loopId);
    // Released numbers are kept as released, so they must be those of every scorecard now submitted.
    if (analysis.calibrationUpdating)
      throw new AppError(
        "CONFLICT",
        "The scores are being recalculated with the latest scorecards; release again in a few seconds.",
      );
    if (!analysis.loop.candidateMemberId)
      throw new AppError(
        "CONFLICT",
        "The candidate has not accepted their invitation yet, so there is nobody to release the report to.",
      );
    const report = await tx.feedbackReport.findUnique({
      where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: input.loopId } },
    });
    if (!report) throw notFound("That loop's report; open the report draft first");
    await tx.$queryRaw`SELECT "id" FROM "feedback_reports" WHERE "id" = ${report.id} FOR UPDATE`;
    const fresh = await tx.feedbackReport.findUniqueOrThrow({ where: { id: report.id } });
    const version = fresh.releasedVersion + 1;
    // The version stores the numbers as released; a later recalculation never changes them.
    const content: ReportContent = { ...analysis.computed, ...readReportDraft(fresh.draft) };
    await tx.feedbackReportVersion.create({
      data: {
        workspaceId: scope.workspaceId,
        reportId: report.id,
        version,
        content: asJson(content),
        releasedById: scope.userId,
      },
    });
    await tx.feedbackReport.update({
      where: { id: report.id },
      data: { status: "released", releasedVersion: version, candidateMemberId: analysis.loop.candidateMemberId },
    });
    const [candidate, ws] = await Promise.all([
      tx.membership.findFirstOrThrow({
        where: { id: analysis.loop.candidateMemberId, workspaceId: scope.workspaceId },
        include: { user: { select: { email: true, name: true } } },
      }),
      tx.workspace.findUniqueOrThrow({ where: { id: scope.workspaceId }, select: { name: true, slug: true } }),
    ]);
    if (candidate.user.email) {
      const email = await renderEmail("report-released", {
        recipientName: displayName(candidate.user, "there"),
        workspaceName: ws.name,
        revised: version > 1,
        url: `${getEnv().appUrl}/w/${ws.slug}/reports/${report.id}`,
      });
      await enqueueEmail(tx, {
        workspaceId: scope.workspaceId,
        to: candidate.user.email,
        email,
        topic: `report:${report.id}:v${version}`,
      });
    }
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "report.released",
      targetType: "report",
      targetId: report.id,
      data: { version },
    });
    await emitEvent(tx, scope.workspaceId, "report.released", async () => ({
      loop: await eventLoop(tx, scope.workspaceId, input.loopId),
      reportId: report.id,
      version,
    }));
    return { reportId: report.id, version };
  });
}

export async function withdrawReport(db: Tx, scope: Scope, input: { loopId: string }) {
  return inTransaction(db, async (tx) => {
    const report = await tx.feedbackReport.findUnique({
      where: { workspaceId_loopId: { workspaceId: scope.workspaceId, loopId: input.loopId } },
    });
    if (!report) throw notFound("That loop's report");
    if (report.status !== "released") throw new AppError("CONFLICT", "Only a released report can be withdrawn.");
    await tx.feedbackReport.update({ where: { id: report.id }, data: { status: "withdrawn" } });
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "report.withdrawn",
      targetType: "report",
      targetId: report.id,
      data: { version: report.releasedVersion },
    });
    return { reportId: report.id, status: "withdrawn" as const };
  });
}

/**
 * A released version never changes (a revision is a new version row), so its content as read back is kept per
 * process, keyed by workspace and the version row's id: a candidate's page neither reads, parses nor checks
 * the same stored JSON on every visit. Bounded: the least recently used entries go first. The versions
 * themselves are still listed on every call, so a version that is gone (erased) is never shown from memory.
 */
const releasedContents = new BoundedCache<ReportContent>(1_000);

/** The content of the given versions (row ids), from memory or, for those not kept, read in one statement. */
async function releasedContentsOf(db: Tx, workspaceId: string, versionIds: string[]) {
  const contents = new Map<string, ReportContent>();
  const missing: string[] = [];
  for (const id of versionIds) {
    const kept = releasedContents.get(`${workspaceId}:${id}`);
    if (kept) contents.set(id, kept);
    else missing.push(id);
  }
  if (missing.length === 0) return contents;
  const rows = await queryInTransaction<{ id: string; content: string }>(
    db,
    "released-contents",
    sqlPart`SELECT fv."id", fv."content"::text AS "content" FROM "feedback_report_versions" fv
      WHERE fv."workspaceId" = ${workspaceId} AND fv."id" = ANY(${missing}::text[])`,
  );
  for (const r of rows) {
    const content = readReportContent(JSON.parse(r.content));
    releasedContents.set(`${workspaceId}:${r.id}`, content);
    contents.set(r.id, content);
  }
  return contents;
}

/** The candidate's released reports, oldest first, each with its latest version: one statement (two the first time). */
async function releasedFor(db: Tx, scope: Scope) {
  const sql = sqlPart`
    SELECT r."id" AS "reportId", v."id" AS "versionId", v."version", v."releasedAt", w."showInterviewerNames"
    FROM "feedback_reports" r
    JOIN "workspaces" w ON w."id" = r."workspaceId"
    JOIN LATERAL (
      SELECT fv."id", fv."version", fv."releasedAt" FROM "feedback_report_versions" fv
      WHERE fv."workspaceId" = r."workspaceId" AND fv."reportId" = r."id"
      ORDER BY fv."version" DESC LIMIT 1
    ) v ON true
    WHERE r."workspaceId" = ${scope.workspaceId} AND r."candidateMemberId" = ${scope.memberId}
      AND r."status" = 'released'
    ORDER BY r."createdAt" ASC`;
  const rows = await queryInTransaction<{
    reportId: string;
    versionId: string;
    version: number;
    releasedAt: Date;
    showInterviewerNames: boolean;
  }>(db, "released-for", sql);
  const contents = await releasedContentsOf(
    db,
    scope.workspaceId,
    rows.map((r) => r.versionId),
  );
  // A version erased between the two statements is left out, as if it had gone before the first.
  return rows.flatMap((r) => {
    const content = contents.get(r.versionId);
    return content
      ? [
          {
            reportId: r.reportId,
            version: r.version,
            releasedAt: r.releasedAt,
            content: candidateView(content, r.showInterviewerNames),
          },
        ]
      : [];
  });
}

/** The candidate's released reports, oldest first. */
export async function listMyReports(db: Tx, scope: Scope) {
  return (await releasedFor(db, scope)).map((r) => ({
    reportId: r.reportId,
    version: r.version,
    releasedAt: r.releasedAt,
    level: r.content.level,
    decidedAt: r.content.decidedAt,
  }));
}

/** One released report (its latest version) and the candidate's progress across all released reports. */
export async function getMyReport(db: Tx, scope: Scope, input: { reportId: string }) {
  const all = await releasedFor(db, scope);
  const current = all.find((r) => r.reportId === input.reportId);
  if (!current) throw notFound("That report");
  return {
    ...current,
    // One independent point per loop: each report holds only its own loop's scores, as released.
    progress: all.map((r) => ({
      reportId: r.reportId,
      label: r.content.loop?.label ?? `Practice loop (${r.content.level})`,
      at: r.content.loop?.heldOn ?? r.content.decidedAt ?? r.releasedAt.toISOString(),
      dimensions: r.content.dimensions.map((d) => ({ name: d.name, score: d.score, range: likelyRange(d) })),
    })),
  };
}
