// Rows of a workspace that the access sweeps point at: one of each kind a procedure can reference.
import { callerFor, db, type TestWorkspace } from "./factories";
import { hashToken } from "@/server/services/invitation";
import { enqueueEmail } from "@/server/email/outbox";
import { WEBHOOK_EVENTS } from "@/domain/webhooks";

export async function workspaceFixtures(ws: TestWorkspace, label: string): Promise<Record<string, string>> {
  const owner = ws.members.owner;
  const invitation = await callerFor(owner.actor).invitation.create({
    workspaceId: ws.id,
    email: `${label}-invitee-${ws.id}@example.test`,
    role: "interviewer",
  });
  // A raw token we know: replace the hash with one of our own.
  const token = `sweep${ws.id}`.padEnd(43, "A").replace(/[^A-Za-z0-9_-]/g, "A");
  await db.invitation.update({ where: { id: invitation.id }, data: { tokenHash: hashToken(token) } });
  const message = await enqueueEmail(db, {
    workspaceId: ws.id,
    to: `${label}@example.test`,
    email: { template: "test", subject: "Fixture", html: "<p>x</p>", text: "x" },
  });
  await db.emailOutbox.update({ where: { id: message.id }, data: { status: "dead" } });
  // A webhook endpoint listening to everything (nothing listens on port 9), with a finished test delivery.
  const { endpoint } = await callerFor(owner.actor).webhook.create({
    workspaceId: ws.id,
    url: "http://127.0.0.1:9/loopwise",
    description: `${label} hook`,
    events: [...WEBHOOK_EVENTS],
  });
  const { eventId } = await callerFor(owner.actor).webhook.sendTest({ workspaceId: ws.id, endpointId: endpoint.id });
  const delivery = await db.webhookDelivery.update({
    where: { workspaceId_eventId_endpointId: { workspaceId: ws.id, eventId, endpointId: endpoint.id } },
    data: { status: "failed", attempts: 8, lastError: "fixture" },
  });
  await db.webhookAttempt.create({
    data: {
      workspaceId: ws.id,
      deliveryId: delivery.id,
      number: 1,
      startedAt: new Date(),
      durationMs: 3,
      errorClass: "network",
      errorMessage: "fixture",
    },
  });
  // The seeded library: a round type, its rubric, a signal and a red flag of its latest version, a question.
  const rubric = await db.rubric.findFirstOrThrow({
    where: { workspaceId: ws.id },
    orderBy: { createdAt: "asc" },
    include: {
      versions: { orderBy: { version: "desc" }, take: 1, include: { signals: { take: 1 }, redFlags: { take: 1 } } },
    },
  });
  const version = rubric.versions[0]!;
  const question = await db.question.findFirstOrThrow({
    where: { workspaceId: ws.id, roundTypeId: rubric.roundTypeId },
  });
  // A loop for the candidate, from the first template, with its rounds.
  const template = await db.loopTemplate.findFirstOrThrow({
    where: { workspaceId: ws.id },
    orderBy: { createdAt: "asc" },
  });
  const loop = await callerFor(owner.actor).loop.create({
    workspaceId: ws.id,
    candidateMemberId: ws.members.candidate.memberId,
    templateId: template.id,
    targetRole: "Backend engineer",
    level: "mid",
  });
  // A training path on the first round type, with the interviewer qualified for it.
  await db.trainingPath.create({
    data: { workspaceId: ws.id, roundTypeId: rubric.roundTypeId, shadowsRequired: 1, reverseShadowsRequired: 1 },
  });
  await db.interviewerQualification.create({
    data: {
      workspaceId: ws.id,
      memberId: ws.members.interviewer.memberId,
      roundTypeId: rubric.roundTypeId,
      basis: "sign_off",
      signedOffById: owner.actor.userId,
    },
  });
  const round = await db.round.findFirstOrThrow({
    where: { workspaceId: ws.id, loopId: loop.id },
    orderBy: { order: "asc" },
  });
  const signal = version.signals[0]!;
  const exercise = await callerFor(owner.actor).exercise.create({
    workspaceId: ws.id,
    roundTypeId: rubric.roundTypeId,
    title: `${label} exercise`,
    prompt: "Fixture prompt",
    transcript: "A fixture answer that is long enough to be rated by interviewers in the sweep.",
    reference: { [signal.key]: { rating: 3, reason: "Fixture reference reason" } },
  });
  const apiKey = await callerFor(owner.actor).apiKey.create({
    workspaceId: ws.id,
    name: `${label} key`,
    scope: "read",
  });
  const workspaceExport = await db.workspaceExport.create({
    data: { workspaceId: ws.id, requestedById: owner.actor.userId },
  });
  return {
    apiKeyId: apiKey.key.id,
    exportId: workspaceExport.id,
    roundTypeId: rubric.roundTypeId,
    exerciseId: exercise.id,
    rubricId: rubric.id,
    signalId: version.signals[0]!.id,
    redFlagId:
      version.redFlags[0]?.id ?? (await db.rubricRedFlag.findFirstOrThrow({ where: { workspaceId: ws.id } })).id,
    questionId: question.id,
    templateId: template.id,
    loopId: loop.id,
    reportId: (
      await db.feedbackReport.create({
        data: { workspaceId: ws.id, loopId: loop.id, candidateMemberId: ws.members.candidate.memberId, draft: {} },
      })
    ).id,
    roundId: round.id,
    candidateMemberId: ws.members.candidate.memberId,
    interviewerMemberId: ws.members.interviewer.memberId,
    workspaceId: ws.id,
    slug: ws.slug,
    memberId: ws.members.interviewer.memberId,
    invitationId: invitation.id,
    messageId: message.id,
    endpointId: endpoint.id,
    deliveryId: delivery.id,
    token,
  };
}
