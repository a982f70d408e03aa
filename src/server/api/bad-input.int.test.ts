// Every mutation, given malformed input over HTTP, answers 400 BAD_REQUEST with a message a person can
// read, never a 500, and changes nothing that was saved.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { logger } from "@/server/logger";
import type { Actor } from "@/server/services/scope";
import { createWorkspaceWithRoles, db, snapshotWorkspace, type TestWorkspace } from "@/test/factories";
import { listProcedures, malformedInputs, sampleInput, type ProcedureInfo } from "@/test/procedures";
import { workspaceFixtures } from "@/test/sweep-fixtures";

async function post(actor: Actor, path: string, input: unknown, method: "GET" | "POST" = "POST") {
  return postText(actor, path, JSON.stringify({ json: input }), method);
}

/** The request body as JSON text, for inputs JSON.stringify cannot write (it recurses). */
async function postText(actor: Actor, path: string, body: string, method: "GET" | "POST" = "POST") {
  const req =
    method === "GET"
      ? new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(body)}`)
      : new Request(`http://localhost/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => ({ db, actor, requestId: "bad-input", log: logger }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { error?: { json?: { message?: string; data?: { code?: string } } } },
  };
}

const procedures = listProcedures();
const mutations = procedures.filter((p) => p.type === "mutation");
const httpMethod = (p: ProcedureInfo) => (p.type === "query" ? "GET" : "POST");

/** Top-level string inputs of a procedure (free text or ids; enums excluded). */
function stringKeys(p: ProcedureInfo): string[] {
  return Object.entries(p.inputSchema.properties ?? {})
    .filter(
      ([, schema]) =>
        (Array.isArray(schema.type) ? schema.type.includes("string") : schema.type === "string") && !schema.enum,
    )
    .map(([key]) => key);
}

describe("bad input", () => {
  let ws: TestWorkspace;
  let refs: Record<string, string>;
  beforeAll(async () => {
    ws = await createWorkspaceWithRoles("badinput");
    refs = await workspaceFixtures(ws, "badinput");
  });

  it("has mutations to check", () => {
    expect(mutations.length).toBeGreaterThanOrEqual(8);
  });

  it.each(mutations.map((p) => [p.path, p] as const))(
    "%s rejects malformed input with a readable 400",
    async (path, p) => {
      const before = await snapshotWorkspace(ws.id);
      const valid = sampleInput(p, refs);
      for (const { label, input } of malformedInputs(p, valid)) {
        const { status, body } = await post(ws.members.owner.actor, path, input);
        const message = body.error?.json?.message ?? "";
        expect(`${label}: ${status} ${body.error?.json?.data?.code}`).toBe(`${label}: 400 BAD_REQUEST`);
        // Readable: a sentence, not a serialized object or a stack trace.
        expect(message.length, label).toBeGreaterThan(5);
        expect(message, label).not.toMatch(/^\s*[[{]|\bat .+:\d+:\d+|ZodError/);
      }
      expect(await snapshotWorkspace(ws.id)).toEqual(before);
    },
  );

  it("names the field and the rule in the message", async () => {
    const { body } = await post(ws.members.owner.actor, "invitation.create", {
      workspaceId: ws.id,
      email: "not-an-email",
      role: "coach",
    });
    expect(body.error?.json?.message).toBe("email: Enter a valid email address, like name@example.com");
  });

  const withStrings = procedures.filter((p) => stringKeys(p).length > 0);
  it.each(withStrings.map((p) => [p.path, p] as const))(
    "%s refuses NUL bytes and lone surrogates in every string with a 400",
    async (path, p) => {
      const before = await snapshotWorkspace(ws.id);
      const valid = sampleInput(p, refs);
      for (const key of stringKeys(p)) {
        for (const [label, bad] of [
          ["a NUL byte", "ab\u0000cd"],
          ["a lone surrogate", "\ud800x"],
          ["a lone low surrogate", "x\udc00"],
        ] as const) {
          const { status, body } = await post(ws.members.owner.actor, path, { ...valid, [key]: bad }, httpMethod(p));
          expect(`${key} with ${label}: ${status} ${body.error?.json?.data?.code}`).toBe(
            `${key} with ${label}: 400 BAD_REQUEST`,
          );
          expect(body.error?.json?.message).toMatch(
            new RegExp(`^${key}: the text contains a character that is not allowed`),
          );
        }
      }
      expect(await snapshotWorkspace(ws.id)).toEqual(before);
    },
  );

  it("refuses bad text nested deep in an input (a rating's evidence, a record key)", async () => {
    const base = {
      workspaceId: ws.id,
      roundId: refs.roundId,
      expectedVersion: 1,
      redFlagKeys: [],
      recommendation: null,
      summary: "",
    };
    const deep = await post(ws.members.owner.actor, "scorecard.save", {
      ...base,
      ratings: { clarity: { rating: 3, evidence: "ok\u0000" } },
    });
    expect([deep.status, deep.body.error?.json?.message]).toEqual([
      400,
      "ratings.clarity.evidence: the text contains a character that is not allowed (a NUL byte or a broken Unicode character). Remove it and try again.",
    ]);
    const key = await post(ws.members.owner.actor, "scorecard.save", {
      ...base,
      ratings: { "\ud800": { rating: 3, evidence: "" } },
    });
    expect([key.status, key.body.error?.json?.message]).toEqual([
      400,
      "ratings.(a key): the text contains a character that is not allowed (a NUL byte or a broken Unicode character). Remove it and try again.",
    ]);
  });

  // Found by the fuzz test (src/app/api/trpc/[trpc]/fuzz.int.test.ts): the walk over the input overflowed
  // the stack and the call answered 500.
  it.each([
    ["a query", "workspace.get", "GET"],
    ["a mutation", "workspace.update", "POST"],
  ] as const)("refuses %s whose input nests 10,000 levels deep with a 400", async (_kind, path, method) => {
    const deep = `${'{"a":'.repeat(10_000)}"leaf"${"}".repeat(10_000)}`;
    const { status, body } = await postText(
      ws.members.owner.actor,
      path,
      `{"json":{"workspaceId":"${ws.id}","name":${deep}}}`,
      method,
    );
    expect(`${status} ${body.error?.json?.data?.code}`).toBe("400 BAD_REQUEST");
    expect(body.error?.json?.message).toMatch(/^name\.a\.a\..*: the input is nested more than 32 levels deep/);
  });

  // Found by the fuzz test: zod's int() allows up to 2^53, PostgreSQL's integer column up to 2^31 - 1, and
  // the query failed with a 500.
  it.each([
    ["rubric.compare", { from: 2 ** 31, to: 1 }],
    ["rubric.compare", { from: 1, to: Number.MAX_SAFE_INTEGER }],
    ["rubric.get", { version: 2 ** 31 }],
    ["rubric.export", { version: 2 ** 40 }],
    ["scorecard.submit", { expectedVersion: 2 ** 31 }],
    ["scorecard.save", { expectedVersion: 2 ** 31 }],
  ])("%s refuses a version number beyond the database's integers (%j) with a 400", async (path, extra) => {
    const p = procedures.find((x) => x.path === path);
    expect(p, path).toBeDefined();
    const { status, body } = await post(
      ws.members.owner.actor,
      path,
      { ...sampleInput(p!, refs), ...extra },
      httpMethod(p!),
    );
    expect(`${status} ${body.error?.json?.data?.code}`).toBe("400 BAD_REQUEST");
    expect(body.error?.json?.message).toMatch(/: That version number is too large$/);
  });

  it.each([
    ["calibration.cohortPage", { from: new Date(8.64e15).toISOString() }],
    ["calibration.cohortPage", { to: new Date(-8.64e15).toISOString() }],
    ["calibration.cohortPage", { from: 8.64e15 + 1 }],
    ["schedule.suggest", { fromDate: "9999-01-01T00:00:00.000Z" }],
    ["schedule.suggest", { fromDate: "1970-01-01T00:00:00.000Z" }],
    [
      "schedule.book",
      { bookings: [{ roundId: "ROUND", interviewerMemberId: "MEMBER", startsAt: "9999-12-31T10:00:00.000Z" }] },
    ],
    [
      "schedule.saveMyAvailability",
      { timeZone: "UTC", weekly: [], exceptions: [{ date: "9999-12-31", available: false }] },
    ],
    [
      "schedule.saveMyAvailability",
      { timeZone: "UTC", weekly: [], exceptions: [{ date: "2026-02-31", available: false }] },
    ],
  ])("%s refuses a date out of range (%j) with a 400", async (path, extra) => {
    const p = procedures.find((x) => x.path === path);
    expect(p, path).toBeDefined();
    const input = JSON.parse(
      JSON.stringify({ ...sampleInput(p!, refs), ...extra })
        .replace("ROUND", refs.roundId!)
        .replace("MEMBER", ws.members.interviewer.memberId),
    );
    const { status, body } = await post(ws.members.owner.actor, path, input, httpMethod(p!));
    expect(`${status} ${body.error?.json?.data?.code}`).toBe("400 BAD_REQUEST");
    expect(body.error?.json?.message).toMatch(/date/i);
  });

  // A page is bounded: a client cannot ask for a whole large list at once, nor for an order that is not offered.
  it.each([
    ["member.page", { limit: 101 }],
    ["member.page", { limit: 0 }],
    ["member.page", { role: "superuser" }],
    ["calibration.cohortPage", { limit: 101 }],
    ["calibration.cohortPage", { limit: 2.5 }],
    ["calibration.cohortPage", { sort: "random" }],
    ["calibration.cohortPage", { section: "everything" }],
    ["calibration.interviewerPage", { limit: 0 }],
    ["calibration.interviewerPage", { sort: "random" }],
    ["calibration.interviewerPage", { section: "ranked" }],
    ["calibration.interviewerPage", { search: "x".repeat(121) }],
  ])("%s refuses a page outside its bounds (%j) with a 400", async (path, extra) => {
    const p = procedures.find((x) => x.path === path);
    expect(p, path).toBeDefined();
    const { status, body } = await post(ws.members.owner.actor, path, { ...sampleInput(p!, refs), ...extra }, "GET");
    expect(`${status} ${body.error?.json?.data?.code}`).toBe("400 BAD_REQUEST");
    expect(body.error?.json?.message).toMatch(/^(limit|role|sort|section|search): /);
  });
});

describe("schemas", () => {
  it("take dates only through BoundedDate / BoundedDay (no bare z.date or z.coerce.date)", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const offenders: string[] = [];
    for (const dir of ["src/schemas", "src/server/api/routers"]) {
      for (const file of readdirSync(dir)) {
        if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
        const text = readFileSync(path.join(dir, file), "utf8");
        const uses = text.match(/z\.(coerce\.)?date\(|z\.iso\.date/g) ?? [];
        if (uses.length && !(dir === "src/schemas" && file === "common.ts" && uses.length === 1))
          offenders.push(`${dir}/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
