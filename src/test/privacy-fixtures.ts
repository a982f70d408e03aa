// Data about one candidate in every place Loopwise keeps something (for the erasure and export tests).
import { randomUUID } from "node:crypto";
import { WEBHOOK_EVENTS } from "@/domain/webhooks";
import { enqueueEmail } from "@/server/email/outbox";
import { callerFor, db, decidedLoop, settleCalibration, type TestWorkspace } from "./factories";

const HOUR = 3_600_000;

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
