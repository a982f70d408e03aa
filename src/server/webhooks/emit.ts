// emitEvent: the one way a change announces itself to webhooks. Called inside the change's own transaction,
// it writes the event and one delivery per enabled endpoint subscribed to its type, so the event exists
// exactly when the change commits (a rolled-back change emits nothing) and the delivery worker
// (./delivery.ts) sends it after commit. A workspace with no subscribed endpoint pays one indexed query.
import { randomBytes } from "node:crypto";
import { roundLabels } from "@/domain/loop-status";
import {
  envelope,
  TEST_EVENT,
  type AnyEventType,
  type EventLoop,
  type EventPerson,
  type EventRound,
  type WebhookEventData,
} from "@/domain/webhooks";
import { asJson } from "@/server/db";
import { displayName } from "@/domain/people";
import type { Tx } from "@/server/services/scope";

export function newEventId(): string {
  return `evt_${randomBytes(16).toString("base64url")}`;
}

/**
 * Records `type` with its data for the workspace's subscribed endpoints (or, for the test event, the
 * endpoints named). `data` may be a function: it is then loaded only when some endpoint listens.
 * Returns the event id, or null when nobody listens.
 */
export async function emitEvent<T extends AnyEventType>(
  tx: Tx,
  workspaceId: string,
  type: T,
  data: WebhookEventData[T] | (() => Promise<WebhookEventData[T]>),
  options: { endpointIds?: string[]; now?: Date } = {},
): Promise<string | null> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where:
      type === TEST_EVENT
        ? { workspaceId, id: { in: options.endpointIds ?? [] } }
        : { workspaceId, enabled: true, events: { has: type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return null;
  const id = newEventId();
  const at = options.now ?? new Date();
  const resolved = typeof data === "function" ? await data() : data;
  await tx.webhookEvent.create({
    data: { id, workspaceId, type, payload: asJson(envelope(id, type, workspaceId, resolved, at)), createdAt: at },
  });
  await tx.webhookDelivery.createMany({
    data: endpoints.map((e) => ({ workspaceId, endpointId: e.id, eventId: id, nextAttemptAt: at, createdAt: at })),
  });
  return id;
}

/** Members as events name them: by their name, never by their email address ("A member" without a name). */
export async function eventPeople(tx: Tx, workspaceId: string, memberIds: (string | null | undefined)[]) {
  const ids = [...new Set(memberIds.filter((id): id is string => !!id))];
  const members = await tx.membership.findMany({
    where: { workspaceId, id: { in: ids } },
    select: { id: true, user: { select: { name: true } } },
  });
  const names = new Map(members.map((m) => [m.id, displayName({ name: m.user.name, email: null }, "A member")]));
  return (id: string | null | undefined): EventPerson | null =>
    id && names.has(id) ? { memberId: id, name: names.get(id)! } : null;
}

export async function eventLoop(tx: Tx, workspaceId: string, loopId: string): Promise<EventLoop> {
  const loop = await tx.loop.findFirstOrThrow({
    where: { id: loopId, workspaceId },
    select: { id: true, targetRole: true, candidateMemberId: true },
  });
  const person = await eventPeople(tx, workspaceId, [loop.candidateMemberId]);
  return { id: loop.id, targetRole: loop.targetRole, candidate: person(loop.candidateMemberId) };
}

/** A round with its loop, named as people see it ("Coding (round 2)"). */
export async function eventRound(
  tx: Tx,
  workspaceId: string,
  roundId: string,
): Promise<{ loop: EventLoop; round: EventRound }> {
  const round = await tx.round.findFirstOrThrow({ where: { id: roundId, workspaceId } });
  const [loop, siblings] = await Promise.all([
    eventLoop(tx, workspaceId, round.loopId),
    tx.round.findMany({
      where: { workspaceId, loopId: round.loopId },
      select: { id: true, order: true, roundTypeId: true },
    }),
  ]);
  const types = await tx.roundType.findMany({
    where: { workspaceId, id: { in: [...new Set(siblings.map((r) => r.roundTypeId))] } },
    select: { id: true, name: true },
  });
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  const labels = roundLabels(siblings.map((r) => ({ ...r, typeName: typeName.get(r.roundTypeId) ?? "Round" })));
  const person = await eventPeople(tx, workspaceId, [round.interviewerMemberId]);
  return {
    loop,
    round: {
      id: round.id,
      label: labels.get(round.id) ?? "Round",
      startsAt: round.startsAt?.toISOString() ?? null,
      endsAt: round.endsAt?.toISOString() ?? null,
      interviewer: person(round.interviewerMemberId),
    },
  };
}
