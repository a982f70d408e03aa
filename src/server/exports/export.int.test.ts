// The full workspace export (docs/export.md): queued by an owner, written by the worker with progress, read
// back as the versioned document and CSVs; and its import into a new workspace, checked by a round trip.
import { describe, expect, it } from "vitest";
import { WorkspaceExportDocument } from "@/schemas/workspace-export";
import { importWorkspace } from "@/server/services/workspace-import";
import { createWorkspaceWithRoles, db, decidedLoop, outcome, type TestWorkspace } from "@/test/factories";
import { writeReport } from "@/test/privacy-fixtures";
import { countedRoundSummaries, keptRoundSummaries } from "@/test/round-summary";
import { readChunks } from "./chunks";
import { ENTITY_SPECS, NOT_EXPORTED } from "./entities";
import { runDueExports } from "./run";

async function readFile(workspaceId: string, exportId: string, file: string) {
  const parts: Buffer[] = [];
  for await (const part of readChunks(db, { workspaceId, exportId }, file)) parts.push(part);
  return Buffer.concat(parts).toString("utf8");
}

/** Exports the workspace as its owner and answers the finished export and its parsed document. */
async function exportWorkspace(ws: { id: string }, owner: TestWorkspace["members"]["owner"]["caller"]) {
  const started = await owner.workspaceExport.start({ workspaceId: ws.id });
  expect(started.status).toBe("queued");
  const report = await runDueExports(db, { max: 1, workspaceId: ws.id });
  expect(report.succeeded).toEqual([started.id]);
  const done = await owner.workspaceExport.get({ workspaceId: ws.id, exportId: started.id });
  const text = await readFile(ws.id, done.id, "workspace.json");
  return { done, text, doc: WorkspaceExportDocument.parse(JSON.parse(text)) };
}

async function richWorkspace(label: string) {
  const ws = await createWorkspaceWithRoles(label);
  const first = await decidedLoop(ws, { marker: `${label}-one`, redFlag: true });
  await decidedLoop(ws, { marker: `${label}-two`, offsetDays: 9 });
  await writeReport(ws, first, `Released summary ${label}`, true);
  await ws.members.owner.caller.invitation.create({
    workspaceId: ws.id,
    email: `${label}-pending-${ws.id}@example.test`,
    role: "interviewer",
  });
  return ws;
}

describe("workspace export", () => {
  it("covers every tenant table: each is exported or listed as left out, with the reason", async () => {
    const tables = await db.$queryRaw<{ name: string }[]>`
      SELECT table_name::text AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'workspaceId'`;
    const covered = new Set([...Object.values(ENTITY_SPECS).map((s) => s.table), ...Object.keys(NOT_EXPORTED)]);
    expect(tables.map((t) => t.name).filter((t) => !covered.has(t))).toEqual([]);
  });

  it("writes the versioned document and one CSV per list, with progress to 100 and no secrets", async () => {
    const ws = await richWorkspace("export");
    const { done, text, doc } = await exportWorkspace(ws, ws.members.owner.caller);
    expect(done).toMatchObject({ status: "succeeded", progress: 100, attempts: 1, lastError: null });
    expect([doc.format, doc.version]).toEqual(["loopwise.workspace-export", 1]);
    expect(doc.loops).toHaveLength(2);
    expect(doc.members.map((m) => m.role).sort()).toEqual(["candidate", "coach", "interviewer", "owner"]);
    expect(doc.users.map((u) => u.email)).toContain(ws.members.candidate.actor.email);
    expect(doc.scorecards.filter((s) => s.status === "submitted")).toHaveLength(4);
    expect(doc.feedbackReportVersions).toHaveLength(1);
    expect(done.counts).toMatchObject({ loops: 2, members: 4, invitations: 1 });
    // Secrets and token hashes are not in the format, so they never leave.
    const invitation = await db.invitation.findFirstOrThrow({ where: { workspaceId: ws.id } });
    expect(text).not.toContain(invitation.tokenHash);
    expect(text).not.toMatch(/tokenHash|secretCiphertext|sessionToken|icsUid/);
    // One CSV per list, with a header and a record per row.
    expect(done.files.map((f) => f.name)).toContain("loops.csv");
    const csv = await readFile(ws.id, done.id, "loops.csv");
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(3);
    expect(csv.startsWith("id,candidateMemberId,")).toBe(true);
    expect(done.bytes).toBe(done.files.reduce((sum, f) => sum + f.bytes, 0));
  });

  it("is for owners only, and another workspace's owner finds nothing", async () => {
    const ws = await createWorkspaceWithRoles("export-access");
    const other = await createWorkspaceWithRoles("export-other");
    for (const role of ["coach", "interviewer", "candidate"] as const)
      expect(await outcome(ws.members[role].caller.workspaceExport.start({ workspaceId: ws.id }))).toBe("FORBIDDEN");
    const { done } = await exportWorkspace(ws, ws.members.owner.caller);
    const foreign = other.members.owner.caller.workspaceExport;
    expect(await outcome(foreign.get({ workspaceId: ws.id, exportId: done.id }))).toBe("NOT_FOUND");
    expect(await outcome(foreign.start({ workspaceId: ws.id }))).toBe("NOT_FOUND");
    expect(await outcome(foreign.get({ workspaceId: other.id, exportId: done.id }))).toBe("NOT_FOUND");
    expect(await outcome(foreign.file({ workspaceId: other.id, exportId: done.id, file: "workspace.json" }))).toBe(
      "NOT_FOUND",
    );
  });

  it("keeps the last three exports and their files", async () => {
    const ws = await createWorkspaceWithRoles("export-kept");
    const first = await exportWorkspace(ws, ws.members.owner.caller);
    for (let i = 0; i < 3; i++) await exportWorkspace(ws, ws.members.owner.caller);
    const kept = await ws.members.owner.caller.workspaceExport.list({ workspaceId: ws.id });
    expect(kept).toHaveLength(3);
    expect(kept.map((e) => e.id)).not.toContain(first.done.id);
    expect(await db.workspaceExportChunk.count({ where: { workspaceId: ws.id, exportId: first.done.id } })).toBe(0);
  });

  it("retries a failed run and then marks it failed with the error, leaving no files", async () => {
    const ws = await createWorkspaceWithRoles("export-fail");
    const started = await ws.members.owner.caller.workspaceExport.start({ workspaceId: ws.id });
    await db.workspaceExport.update({ where: { id: started.id }, data: { maxAttempts: 2 } });
    // A row the format cannot hold (names are at most 100,000 characters) makes every run fail.
    await db.dimension.updateMany({ where: { workspaceId: ws.id }, data: { name: "x".repeat(100_001) } });
    expect((await runDueExports(db, { max: 1, workspaceId: ws.id })).retrying).toEqual([started.id]);
    const retry = await db.workspaceExport.findUniqueOrThrow({ where: { id: started.id } });
    expect(retry).toMatchObject({ status: "queued", attempts: 1 });
    expect(retry.lastError).toMatch(/name/);
    const later = new Date(retry.nextAttemptAt.getTime() + 1);
    expect((await runDueExports(db, { max: 1, workspaceId: ws.id, now: later })).failed).toEqual([started.id]);
    const failed = await ws.members.owner.caller.workspaceExport.get({ workspaceId: ws.id, exportId: started.id });
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toMatch(/^The export failed after 2 attempts/);
    expect(await db.workspaceExportChunk.count({ where: { exportId: started.id } })).toBe(0);
  });
});

/** A document with ids replaced by what they stand for (people by email, anything else by "#"), rows sorted. */
function comparable(doc: WorkspaceExportDocument) {
  const emailOf = new Map(doc.users.map((u) => [u.id, u.email ?? `erased:${u.name}`]));
  const memberEmail = new Map(doc.members.map((m) => [m.id, emailOf.get(m.userId)]));
  const ids = new Set(
    (Object.keys(doc) as (keyof typeof doc)[]).flatMap((k) => {
      const list = doc[k];
      return Array.isArray(list) ? list.map((row) => row.id) : [];
    }),
  );
  const name = (v: unknown): unknown => {
    if (typeof v === "string") return emailOf.get(v) ?? memberEmail.get(v) ?? (ids.has(v) ? "#" : v);
    if (Array.isArray(v)) return v.map(name);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, name(x)]));
    return v;
  };
  const lists: Record<string, string[]> = {};
  for (const key of Object.keys(doc) as (keyof typeof doc)[]) {
    const list = doc[key];
    if (Array.isArray(list) && key !== "auditEvents") lists[key] = list.map((row) => JSON.stringify(name(row))).sort();
  }
  const { name: wsName, timeZone, showInterviewerNames, retentionMonths } = doc.workspace;
  return { workspace: { wsName, timeZone, showInterviewerNames, retentionMonths }, lists };
}

describe("workspace import", () => {
  it("round trip: export, import into a new workspace, export again: the same data", async () => {
    const ws = await richWorkspace("roundtrip");
    const first = await exportWorkspace(ws, ws.members.owner.caller);
    const imported = await importWorkspace(db, ws.members.owner.actor, { document: JSON.parse(first.text) });
    expect(imported.id).not.toBe(ws.id);
    expect(imported.counts).toMatchObject({ loops: 2, rounds: first.doc.rounds.length });
    const second = await exportWorkspace(imported, ws.members.owner.caller);
    expect(comparable(second.doc)).toEqual(comparable(first.doc));
    // New ids everywhere: nothing of the source workspace's is reused.
    const firstIds = new Set(first.doc.loops.map((l) => l.id));
    expect(second.doc.loops.some((l) => firstIds.has(l.id))).toBe(false);
    // The loops' round summaries (kept by triggers, not exported) follow the imported rounds.
    const kept = await keptRoundSummaries(imported.id);
    expect(kept).toEqual(await countedRoundSummaries(imported.id));
    expect(Object.values(kept).some((s) => s.active > 0 && s.scheduled > 0 && s.starts.length > 0)).toBe(true);
    // The imported workspace works: the coach's board lists the loops.
    const rubric = await db.rubricVersion.count({ where: { workspaceId: imported.id, status: "published" } });
    expect(rubric).toBe(first.doc.rubricVersions.filter((v) => v.status === "published").length);
  });

  it("makes accounts for people who have none and makes the importer the owner", async () => {
    const ws = await createWorkspaceWithRoles("import-people");
    const { text } = await exportWorkspace(ws, ws.members.owner.caller);
    const doc = JSON.parse(text) as { users: { email: string | null }[] };
    const newcomer = `newcomer-${ws.id}@example.test`;
    const candidateUser = doc.users.find((u) => u.email === ws.members.candidate.actor.email)!;
    candidateUser.email = newcomer;
    const importer = ws.members.coach.actor;
    const imported = await importWorkspace(db, importer, { document: doc, name: "Imported copy" });
    expect(imported.name).toBe("Imported copy");
    const made = await db.user.findUniqueOrThrow({ where: { email: newcomer } });
    const members = await db.membership.findMany({ where: { workspaceId: imported.id } });
    expect(members.find((m) => m.userId === made.id)?.role).toBe("candidate");
    expect(members.find((m) => m.userId === importer.userId)?.role).toBe("owner");
  });

  it("refuses a bad document with a clear error and writes nothing", async () => {
    const ws = await createWorkspaceWithRoles("import-bad");
    const { text } = await exportWorkspace(ws, ws.members.owner.caller);
    const name = (JSON.parse(text) as { workspace: { name: string } }).workspace.name;
    const wrongFormat = { ...JSON.parse(text), format: "something-else" };
    await expect(importWorkspace(db, ws.members.owner.actor, { document: wrongFormat })).rejects.toThrow(
      /not a Loopwise workspace export/,
    );
    const dangling = JSON.parse(text) as { rubrics: { roundTypeId: string }[]; users: { email: string }[] };
    dangling.rubrics[0]!.roundTypeId = "no-such-type";
    dangling.users[0]!.email = `never-made-${ws.id}@example.test`;
    await expect(importWorkspace(db, ws.members.owner.actor, { document: dangling })).rejects.toThrow(
      /rubrics\[0\]\.roundTypeId refers to "no-such-type", which is not in roundTypes/,
    );
    // Neither a workspace nor the account the second document would have made exists.
    expect(await db.workspace.count({ where: { name } })).toBe(1);
    expect(await db.user.findUnique({ where: { email: `never-made-${ws.id}@example.test` } })).toBeNull();
  });
});
