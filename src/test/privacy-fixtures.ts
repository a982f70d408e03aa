// Data about one candidate in every place Loopwise keeps something (for the erasure and export tests).
import { randomUUID } from "node:crypto";
import { WEBHOOK_EVENTS } from "@/domain/webhooks";
import { enqueueEmail } from "@/server/email/outbox";
import { callerFor, db, roundHasStarted, settleCalibration, type Member, type TestWorkspace } from "./factories";

const HOUR = 3_600_000;

/**
 * A loop for `candidate` with two rounds booked (interviewer and owner), both scorecards submitted with
 * `marker` in their free text, calibration settled and the coach's decision recorded.
 */
export async function decidedLoop(
  ws: TestWorkspace,
  opts: { marker: string; candidate?: Member; offsetDays?: number; rate?: (i: number, j: number) => 1 | 2 | 3 | 4 },
) {
  const m = opts.marker;
  const template = await db.loopTemplate.findFirstOrThrow({ where: { workspaceId: ws.id, key: "entry-coding-focus" } });
  const coach = ws.members.coach.caller;
  const { id: loopId } = await coach.loop.create({
    workspaceId: ws.id,
    candidateMemberId: (opts.candidate ?? ws.members.candidate).memberId,
    templateId: template.id,
    targetRole: "Backend engineer",
    level: "mid",
    notes: `loop notes ${m}`,
  });
  const rounds = await db.round.findMany({ where: { loopId }, orderBy: { order: "asc" } });
  const start = Math.ceil((Date.now() + (opts.offsetDays ?? 7) * 24 * HOUR) / HOUR) * HOUR;
  await coach.schedule.book({
    workspaceId: ws.id,
    loopId,
    bookings: [1, 2].map((i) => ({
      roundId: rounds[i]!.id,
      interviewerMemberId: i === 1 ? ws.members.interviewer.memberId : ws.members.owner.memberId,
      startsAt: new Date(start + i * 2 * HOUR),
    })),
  });
  const rate = opts.rate ?? ((i: number, j: number) => (((i + j) % 4) + 1) as 1 | 2 | 3 | 4);
  for (const [i, who] of [ws.members.interviewer, ws.members.owner].entries()) {
    const roundId = rounds[i + 1]!.id;
    const opened = await who.caller.scorecard.open({ workspaceId: ws.id, roundId });
    const ratings = Object.fromEntries(
      opened.rubric.signals.map((s, j) => [s.key, { rating: rate(i, j), evidence: `evidence ${j} ${m}` }]),
    );
    const saved = await who.caller.scorecard.save({
      workspaceId: ws.id,
      roundId,
      expectedVersion: 1,
      ratings,
      redFlagKeys: [],
      recommendation: i ? "no" : "yes",
      summary: `summary ${m}`,
    });
    await roundHasStarted(roundId);
    await who.caller.scorecard.submit({ workspaceId: ws.id, roundId, expectedVersion: saved.version });
  }
  await settleCalibration(ws);
  await coach.debrief.decide({
    workspaceId: ws.id,
    loopId,
    decision: "not_yet",
    rationale: `rationale ${m}`,
    notes: `debrief notes ${m}`,
  });
  return loopId;
}

/** The coach writes the report's summary and, when `release`, releases it. */
export async function writeReport(ws: TestWorkspace, loopId: string, summary: string, release: boolean) {
  const coach = ws.members.coach.caller;
  const draft = await coach.report.openDraft({ workspaceId: ws.id, loopId });
  await coach.report.saveDraft({ workspaceId: ws.id, loopId, draft: { ...draft.draft, summary } });
  if (release) await coach.report.release({ workspaceId: ws.id, loopId });
  return draft.reportId;
}

/**
 * Gives the workspace's candidate `canary` in their name and email, and puts it (or the name) wherever
 * Loopwise keeps something about them: a loop with notes, scorecards, a debrief and a released report;
 * an invitation and its email; availability; a session, a sign-in account, a sign-in token, a calendar feed.
 */
export async function candidateEverywhere(ws: TestWorkspace, canary: string) {
  const candidate = ws.members.candidate;
  const email = `${canary}-${randomUUID().slice(0, 6)}@example.test`;
  const name = `Ada ${canary}`;
  await db.user.update({ where: { id: candidate.actor.userId }, data: { name, email } });
  candidate.actor = { ...candidate.actor, name, email };
  candidate.caller = callerFor(candidate.actor);
  // A webhook endpoint listening to everything, so events about them are recorded too.
  await db.webhookEndpoint.create({
    data: {
      workspaceId: ws.id,
      url: "https://hooks.example.test/loopwise",
      events: [...WEBHOOK_EVENTS],
      secretCiphertext: "not-used-in-this-test",
    },
  });
  const loopId = await decidedLoop(ws, { marker: `about ${name}` });
  await writeReport(ws, loopId, `${name} did well (${canary})`, true);
  // The invitation they accepted, and its email.
  await db.invitation.create({
    data: {
      workspaceId: ws.id,
      email,
      role: "candidate",
      tokenHash: `h-${randomUUID()}`,
      expiresAt: new Date(Date.now() + HOUR),
      invitedById: ws.members.owner.actor.userId,
      acceptedAt: new Date(),
      acceptedById: candidate.actor.userId,
    },
  });
  await enqueueEmail(db, {
    workspaceId: ws.id,
    to: email,
    email: { template: "invitation", subject: `Welcome, ${name}`, html: `<p>Hi ${name}</p>`, text: `Hi ${name}` },
  });
  await candidate.caller.schedule.saveMyAvailability({
    workspaceId: ws.id,
    timeZone: "Europe/Berlin",
    weekly: [{ weekday: 1, start: "09:00", end: "12:00" }],
    exceptions: [],
  });
  await candidate.caller.account.createCalendarFeed();
  await db.session.create({
    data: { userId: candidate.actor.userId, sessionToken: `s-${randomUUID()}`, expires: new Date(Date.now() + HOUR) },
  });
  await db.account.create({
    data: {
      userId: candidate.actor.userId,
      type: "email",
      provider: "email",
      providerAccountId: email,
    },
  });
  await db.verificationToken.create({
    data: { identifier: email, token: `t-${randomUUID()}`, expires: new Date(Date.now() + HOUR) },
  });
  await settleCalibration(ws);
  return { loopId, name, email };
}

/**
 * Every text, JSON and array column of every table (listed from information_schema) that contains
 * `needle`, case-insensitively, as "table.column: count".
 */
export async function findEverywhere(needle: string): Promise<string[]> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT c.table_name::text AS table_name, c.column_name::text AS column_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')
    ORDER BY 1, 2`;
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    // Names come from the catalog; the needle is a parameter.
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table_name}" WHERE strpos(lower("${column_name}"::text), lower($1)) > 0`,
      needle,
    );
    if (row && row.n > 0n) hits.push(`${table_name}.${column_name}: ${row.n}`);
  }
  return hits;
}

/** How many columns findEverywhere searches (so a test can show it searched something). */
export async function searchedColumnCount(): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`;
  return Number(row?.n ?? 0);
}
