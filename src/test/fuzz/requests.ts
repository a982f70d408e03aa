// Generated request plans (plain data, reproducible from the seed) and the Requests built from them once the
// workspace's ids are known: methods, content types, headers, batches and unknown paths.
import fc from "fast-check";
import { sampleInput, type ProcedureInfo } from "@/test/procedures";
import { type RoleUnderTest, type RequestContext } from "./context";
import { type Envelope, envelopeFor, envelopeText } from "./envelopes";
import { type InputChange, inputChangeFor, applyChanges } from "./inputs";
import { nastyValue } from "./values";

export type Transport =
  | { kind: "natural" } // queries by GET, mutations by POST with JSON
  | { kind: "wrongMethod" }
  | { kind: "contentType"; value: string | null };

export interface HeaderPlan {
  cookie: "session" | "garbage" | "none";
  garbageCookie: string;
  requestId: string | null;
}

export interface CallPlan {
  /** A procedure's path, or one that names none. */
  path: string;
  changes: InputChange[];
  envelope: Envelope;
}

export interface Plan {
  role: RoleUnderTest;
  calls: CallPlan[];
  /** A `?batch=1` request even for one call. */
  batch: boolean;
  transport: Transport;
  headers: HeaderPlan;
}

const unknownPaths = fc.constantFrom(
  "",
  "nope",
  "account",
  "account.me.extra",
  "__proto__",
  "constructor",
  "toString",
  "account.__proto__",
  "workspace.constructor",
  "a%2Cb",
  "..",
  "💥",
  "x".repeat(2_000),
);

function callFor(procedures: ProcedureInfo[]): fc.Arbitrary<CallPlan> {
  const known = fc
    .constantFrom(...procedures)
    .chain((p) => fc.record({ path: fc.constant(p.path), changes: inputChangeFor(p), envelope: envelopeFor(p) }));
  const unknown = fc.record({
    path: unknownPaths,
    changes: fc.array(fc.record({ kind: fc.constant("whole" as const), value: nastyValue }), { maxLength: 1 }),
    envelope: fc.constant<Envelope>({ kind: "superjson" }),
  });
  return fc.oneof({ weight: 30, arbitrary: known }, { weight: 1, arbitrary: unknown });
}

export function planArbitrary(procedures: ProcedureInfo[], maxBatch: number): fc.Arbitrary<Plan> {
  const single = callFor(procedures).map((c) => [c]);
  // Batches of one kind of procedure (as a client sends them), sometimes mixed, up to well past the limit.
  const batchOf = (type: "query" | "mutation") => {
    const same = procedures.filter((p) => p.type === type);
    return fc.array(callFor(same), { minLength: 2, maxLength: maxBatch });
  };
  // Over the limit: refused before any input is read, so the inputs stay small.
  const overLimit = fc
    .tuple(fc.integer({ min: maxBatch + 1, max: 500 }), fc.constantFrom(...procedures))
    .map(([n, p]) =>
      Array.from({ length: n }, (): CallPlan => ({
        path: p.path,
        changes: [{ kind: "none" }],
        envelope: { kind: "superjson" },
      })),
    );
  const calls = fc.oneof(
    { weight: 20, arbitrary: single },
    { weight: 2, arbitrary: batchOf("query") },
    { weight: 2, arbitrary: batchOf("mutation") },
    { weight: 1, arbitrary: fc.array(callFor(procedures), { minLength: 2, maxLength: maxBatch }) },
    { weight: 1, arbitrary: overLimit },
  );
  return fc.record({
    // The roles that may do most get most calls: their calls get furthest into the services.
    role: fc.oneof(
      { weight: 4, arbitrary: fc.constant<RoleUnderTest>("owner") },
      { weight: 3, arbitrary: fc.constant<RoleUnderTest>("coach") },
      { weight: 2, arbitrary: fc.constantFrom<RoleUnderTest>("interviewer", "candidate") },
      { weight: 1, arbitrary: fc.constantFrom<RoleUnderTest>("outsider", "anonymous") },
    ),
    calls,
    batch: fc.boolean(),
    transport: fc.oneof(
      { weight: 20, arbitrary: fc.constant<Transport>({ kind: "natural" }) },
      { weight: 1, arbitrary: fc.constant<Transport>({ kind: "wrongMethod" }) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom<string | null>(
            null,
            "text/plain",
            "multipart/form-data",
            "multipart/form-data; boundary=x",
            "application/octet-stream",
            "application/x-www-form-urlencoded",
            "APPLICATION/JSON; charset=utf-16",
            "application/json;;",
            "",
          )
          .map((value) => ({ kind: "contentType" as const, value })),
      },
    ),
    headers: fc.record({
      cookie: fc.oneof(
        { weight: 14, arbitrary: fc.constant<HeaderPlan["cookie"]>("session") },
        { weight: 1, arbitrary: fc.constantFrom<HeaderPlan["cookie"]>("garbage", "none") },
      ),
      garbageCookie: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom("%", "%E0%A4%A", "%ZZ", "%00", "a=b=c", ";;;", "x".repeat(8_000)),
      ),
      requestId: fc.option(
        fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom("ok-id-1", "x".repeat(65), "\n\r", "../")),
        { nil: null },
      ),
    }),
  });
}

/** The input a call sends: the procedure's valid-looking input (its ids from `refs`), spoiled. */
export function inputFor(call: CallPlan, ctx: RequestContext): unknown {
  const procedure = ctx.procedures.get(call.path);
  const valid = procedure ? sampleInput(procedure, ctx.refs) : {};
  return applyChanges(valid, call.changes, ctx.documents);
}

export function buildRequest(plan: Plan, ctx: RequestContext): Request {
  const isBatch = plan.batch || plan.calls.length > 1;
  const path = plan.calls.map((c) => c.path).join(",");
  const type = ctx.procedures.get(plan.calls[0]?.path ?? "")?.type ?? "query";
  let method = type === "mutation" ? "POST" : "GET";
  if (plan.transport.kind === "wrongMethod") method = method === "GET" ? "POST" : "GET";

  // One body per call; a batch wraps them in an object keyed by index.
  const bodies = plan.calls.map((c) => envelopeText(inputFor(c, ctx), c.envelope));
  let body: string | Uint8Array;
  if (!isBatch) body = bodies[0]!;
  else
    body = `{${bodies.map((b, i) => `"${i}":${typeof b === "string" ? b : new TextDecoder().decode(b)}`).join(",")}}`;

  const headers = new Headers();
  headers.set(ctx.peerAddress.header, ctx.peerAddress.value);
  const token = ctx.sessionTokens[plan.role];
  if (plan.headers.cookie === "session" && token) headers.set("cookie", `${ctx.sessionCookieName}=${token}`);
  if (plan.headers.cookie === "garbage")
    headers.set("cookie", `${ctx.sessionCookieName}=${safeHeader(plan.headers.garbageCookie)}`);
  if (plan.headers.requestId !== null) headers.set("x-request-id", safeHeader(plan.headers.requestId));

  const query: string[] = isBatch ? ["batch=1"] : [];
  if (method === "GET") {
    const text = typeof body === "string" ? body : new TextDecoder().decode(body);
    // encodeURIComponent refuses lone surrogates; a client that sends them anyway sends them as "?" bytes.
    if (text !== "") query.push(`input=${encodeURIComponent(text.toWellFormed())}`);
  }
  const url = `${ctx.baseUrl}/api/trpc/${path.split(",").map(encodePathSegment).join(",")}${query.length ? `?${query.join("&")}` : ""}`;
  if (method === "GET") return new Request(url, { method, headers });
  const contentType = plan.transport.kind === "contentType" ? plan.transport.value : "application/json";
  if (contentType !== null) headers.set("content-type", contentType);
  return new Request(url, { method, headers, body: body as BodyInit });
}

/** Header values cannot hold every character; keep the rest of the garbage (a real client's stack would too). */
function safeHeader(value: string): string {
  return value.replace(/[^\t\x20-\x7e\x80-\xff]/g, "?");
}

function encodePathSegment(segment: string): string {
  // Dots and the characters tRPC paths use stay readable; anything else is percent-encoded.
  return encodeURIComponent(segment).replace(/%2E/gi, ".");
}

/** A short description of a plan for a failure message (the seed and path reproduce it in full). */
export function describePlan(plan: Plan): string {
  const calls = plan.calls.length;
  const first = plan.calls[0];
  const changes = first
    ? first.changes.map((c) => c.kind + ("key" in c ? `(${JSON.stringify(c.key)})` : "")).join("+")
    : "";
  return `${plan.role} ${calls > 1 ? `batch of ${calls}: ` : ""}${first?.path ?? "?"} [${changes}] envelope=${first?.envelope.kind} transport=${plan.transport.kind}${plan.transport.kind === "contentType" ? `(${plan.transport.value})` : ""} cookie=${plan.headers.cookie}`;
}
