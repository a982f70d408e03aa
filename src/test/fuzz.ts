// Generators of malformed tRPC requests for the fuzz test (src/app/api/trpc/[trpc]/fuzz.int.test.ts):
// wrong types, NUL bytes, lone surrogates, 1 MB text, huge and negative numbers, deep nesting, extra
// keys, broken superjson envelopes, bodies that are not JSON, wrong methods and content types, batches.
// A generated `Plan` is plain data (reproducible from the seed); `buildRequest` turns it into a Request
// once the workspace's ids are known.
import fc from "fast-check";
import { sampleInput, type ProcedureInfo } from "@/test/procedures";

/** The workspace's four roles, a signed-in user of another workspace, and no session. */
export type RoleUnderTest = "owner" | "coach" | "interviewer" | "candidate" | "outsider" | "anonymous";

/** A piece of JSON text spliced in verbatim (numbers JSON.stringify cannot write, 10,000 levels of nesting). */
export class RawJson {
  constructor(readonly text: string) {}
  /** A marker string that toJsonText replaces with the text itself. */
  toJSON() {
    return `${RAW_OPEN}${this.text}${RAW_CLOSE}`;
  }
}
const RAW_OPEN = "@@raw:";
const RAW_CLOSE = ":raw@@";
const RAW_MARKER = /"@@raw:((?:[^"\\]|\\.)*):raw@@"/g;

const MEGABYTE = 1 << 20;

// ---- values ----

const lone = fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff", "a\ud83d", "\ude00b", "\ud83d\ud83d");
const withNul = fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`);
const controlChars = fc.string({
  unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)),
  maxLength: 30,
});
const tricky = fc.constantFrom(
  "",
  " ",
  "\t\n\r",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "' OR 1=1 --",
  "%00",
  "%E0%A4%A",
  "\\u0000",
  "../../etc/passwd",
  "null",
  "undefined",
  "NaN",
  "-0",
  "1e400",
  "9999-12-31T23:59:59.999Z",
  "+275760-09-13T00:00:00.000Z",
  "0000-00-00",
  "2026-02-31",
  "Invalid Date",
  "Europe/Nowhere",
  "a@b",
  "\u202e\u200b\ufeff",
  "🏳️‍🌈".repeat(50),
  "<script>alert(1)</script>",
  "BEGIN:VCALENDAR\r\nEND:VCALENDAR",
);
/** 1 MB (or a little more) of text, made cheaply from a repeated unit. */
const megaString = fc
  .tuple(fc.constantFrom("x", "é", "😀", "a\u0000", "\ud800", " ", "0"), fc.integer({ min: 0, max: 64 }))
  .map(([unit, extra]) => unit.repeat(Math.ceil(MEGABYTE / unit.length) + extra));
const longString = fc.integer({ min: 60, max: 20_000 }).map((n) => "y".repeat(n));

// 1 MB strings are rare per value (they cost time to write and parse) but, over the runs, frequent.
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 6, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 9, arbitrary: lone },
  { weight: 9, arbitrary: withNul },
  { weight: 3, arbitrary: controlChars },
  { weight: 12, arbitrary: tricky },
  { weight: 1, arbitrary: megaString },
  { weight: 4, arbitrary: longString },
);

export const nastyNumber: fc.Arbitrary<number | RawJson> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    0.5,
    -0.5,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER - 2,
    1e308,
    -1e308,
    2 ** 31,
    -(2 ** 31),
    2 ** 53,
    5e-324,
  ),
  fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  // Numbers only raw JSON text can carry: they parse to Infinity, 0 or a huge bigint-like value.
  fc
    .constantFrom("1e400", "-1e400", "1e-400", "123456789012345678901234567890", "-0.0", "1E+999")
    .map((t) => new RawJson(t)),
);

/** Arrays or objects nested `depth` levels, as raw text (JSON.stringify would recurse that deep). */
export const deepNesting = fc
  .tuple(
    fc.integer({ min: 500, max: 10_000 }),
    fc.constantFrom("array", "object", "mixed"),
    fc.constantFrom("1", '"x"', '"\\u0000"', "null", "{}"),
  )
  .map(([depth, kind, leaf]) => {
    const open = kind === "array" ? "[" : kind === "object" ? '{"a":' : '{"a":[';
    const close = kind === "array" ? "]" : kind === "object" ? "}" : "]}";
    return new RawJson(open.repeat(depth) + leaf + close.repeat(depth));
  });

/** Many keys or many elements at one level. */
const wide = fc.oneof(
  fc.integer({ min: 1_000, max: 10_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc
    .integer({ min: 1_000, max: 10_000 })
    .map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
);

/** Object keys a parser or a prototype might trip over. */
export const nastyKey = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "",
    " ",
    "0",
    "-1",
    "length",
    "toJSON",
    "valueOf",
    "then",
    "a.b",
    "json",
    "meta",
    "k\u0000",
    "\ud800",
    "🔑",
  ),
  fc.string({ maxLength: 12 }),
);

export const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { weight: 6, arbitrary: nastyString },
    { weight: 4, arbitrary: nastyNumber },
    { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}) },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: wide },
    { weight: 2, arbitrary: fc.array(tie("value"), { maxLength: 4 }) },
    { weight: 2, arbitrary: fc.dictionary(nastyKey, tie("value"), { maxKeys: 4 }) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  ),
})).value;

// ---- documents carried in a string (a calendar export, a rubric file) ----

const icsValue = fc.oneof(
  fc.constantFrom(
    "20261210T100000Z",
    "20261210T100000",
    "20261210",
    "garbage",
    "",
    "99991231T235959Z",
    "00000000T000000Z",
    "20261310T250000Z",
    "2026-12-10T10:00:00Z",
    "-1",
  ),
  fc.string({ maxLength: 20 }),
);
const rrule = fc
  .record(
    {
      FREQ: fc.constantFrom("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "garbage", ""),
      INTERVAL: fc.oneof(fc.integer({ min: -2, max: 1000 }).map(String), fc.constant("x")),
      COUNT: fc.oneof(fc.integer({ min: -5, max: 100_000 }).map(String), fc.constant("x")),
      UNTIL: icsValue,
      BYMONTH: fc.integer({ min: -1, max: 14 }).map(String),
      BYMONTHDAY: fc.integer({ min: -32, max: 32 }).map(String),
      BYDAY: fc.constantFrom("MO", "TU,TH", "1MO", "-1FR", "XX", "53SU", ""),
      BYHOUR: fc.integer({ min: -1, max: 25 }).map(String),
      BYSETPOS: fc.integer({ min: -400, max: 400 }).map(String),
      BYYEARDAY: fc.integer({ min: -367, max: 367 }).map(String),
      BYWEEKNO: fc.integer({ min: -54, max: 54 }).map(String),
    },
    { requiredKeys: ["FREQ"] },
  )
  .map(
    (parts) =>
      `RRULE:${Object.entries(parts)
        .map(([k, v]) => `${k}=${v}`)
        .join(";")}`,
  );
const icsEvent = fc
  .tuple(
    fc.option(
      icsValue.map((v) => `DTSTART:${v}`),
      { nil: null },
    ),
    fc.option(
      fc.oneof(
        icsValue.map((v) => `DTEND:${v}`),
        fc.constantFrom("DURATION:PT1H", "DURATION:garbage", "DURATION:-P1D", "DURATION:P99999999D"),
      ),
      { nil: null },
    ),
    fc.option(rrule, { nil: null }),
    fc.array(
      fc.oneof(
        icsValue.map((v) => `EXDATE:${v}`),
        icsValue.map((v) => `RDATE:${v}`),
        fc.constantFrom(
          "TRANSP:TRANSPARENT",
          "STATUS:CANCELLED",
          "DTSTART;TZID=Nope/Zone:20261210T100000",
          "DTSTART;VALUE=DATE:20261210",
          "RECURRENCE-ID:garbage",
          "SUMMARY:\u0000",
          "BEGIN:VALARM",
        ),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([start, end, rule, extra]) =>
    ["BEGIN:VEVENT", "UID:fuzz@test", start, end, rule, ...extra, "END:VEVENT"].filter((l) => l !== null).join("\r\n"),
  );
/** A calendar export (.ics) with malformed dates, durations and repeat rules. */
export const icsText = fc
  .tuple(fc.array(icsEvent, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([events, wrapped]) =>
    (wrapped ? ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//fuzz//EN", ...events, "END:VCALENDAR"] : events).join(
      "\r\n",
    ),
  );

/** Where in a rubric file (an export of the workspace's own rubric) a bad value goes. */
const rubricFileSpot = fc.constantFrom<(string | number)[]>(
  ["name"],
  ["format"],
  ["formatVersion"],
  ["roundType"],
  ["roundType", "key"],
  ["signals"],
  ["signals", 0],
  ["signals", 0, "key"],
  ["signals", 0, "title"],
  ["signals", 0, "description"],
  ["signals", 0, "dimension"],
  ["signals", 0, "anchors", "1"],
  ["signals", 0, "weights", "mid"],
  ["redFlags"],
  ["redFlags", 0, "title"],
  ["__proto__"],
  ["extra"],
);
/** Free text of a rubric file: only the text rule stands between these and the database. */
const rubricFileTextSpot = fc.constantFrom<(string | number)[]>(
  ["name"],
  ["signals", 0, "title"],
  ["signals", 0, "description"],
  ["signals", 0, "anchors", "1"],
  ["redFlags", 0, "title"],
  ["roundType", "name"],
);
export const rubricFileEdits = fc.oneof(
  fc.array(
    fc.tuple(rubricFileSpot, fc.oneof({ weight: 3, arbitrary: nastyString }, { weight: 1, arbitrary: nastyValue })),
    { minLength: 1, maxLength: 2 },
  ),
  fc.tuple(rubricFileTextSpot, nastyString).map((edit) => [edit]),
);

/** The JSON text of `file` with each edit's value put at its spot (missing containers are made). */
export function editedDocument(file: unknown, edits: [(string | number)[], unknown][]): string {
  const doc = structuredClone(file) as Record<string | number, unknown>;
  for (const [spot, value] of edits) {
    let at: Record<string | number, unknown> = doc;
    for (const key of spot.slice(0, -1)) {
      const next = at[key];
      if (next === null || typeof next !== "object") defineOwn(at, String(key), {});
      at = at[key] as Record<string | number, unknown>;
    }
    defineOwn(at, String(spot.at(-1)), value);
  }
  return toJsonText(doc);
}

// ---- inputs ----

/** How the valid-looking input of a procedure is spoiled; keys are chosen from its schema where possible. */
export type InputChange =
  | { kind: "replace"; key: string; value: unknown }
  | { kind: "replaceNested"; key: string; inner: string; value: unknown }
  | { kind: "extraKeys"; entries: [string, unknown][] }
  | { kind: "drop"; key: string }
  | { kind: "whole"; value: unknown }
  | { kind: "rubricFile"; key: string; edits: [(string | number)[], unknown][] }
  | { kind: "none" };

function keysOf(p: ProcedureInfo): string[] {
  return Object.keys(p.inputSchema.properties ?? {});
}

export function inputChangeFor(p: ProcedureInfo): fc.Arbitrary<InputChange[]> {
  const keys = keysOf(p);
  const key = keys.length
    ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: nastyKey })
    : nastyKey;
  const change: fc.Arbitrary<InputChange> = fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant("replace" as const), key, value: nastyValue }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant("replaceNested" as const), key, inner: nastyKey, value: nastyValue }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant("extraKeys" as const),
        entries: fc.array(fc.tuple(nastyKey, nastyValue), { minLength: 1, maxLength: 3 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop" as const), key }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("whole" as const), value: nastyValue }) },
  );
  // Strings that carry a document get documents with bad parts, not only bad strings.
  const documents: { weight: number; arbitrary: fc.Arbitrary<InputChange> }[] = [];
  if (keys.includes("ics"))
    documents.push({
      weight: 30,
      arbitrary: icsText.map((value) => ({ kind: "replace" as const, key: "ics", value })),
    });
  if (keys.includes("file"))
    documents.push({
      weight: 30,
      arbitrary: rubricFileEdits.map((edits) => ({ kind: "rubricFile" as const, key: "file", edits })),
    });
  const anyChange = documents.length ? fc.oneof({ weight: 10, arbitrary: change }, ...documents) : change;
  // Mostly one thing wrong at a time (so a bad value gets past the checks before it), sometimes several.
  return fc.oneof(
    { weight: 20, arbitrary: anyChange.map((c) => [c]) },
    { weight: 8, arbitrary: fc.array(anyChange, { minLength: 2, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant<InputChange[]>([{ kind: "none" }]) },
  );
}

export function applyChanges(
  valid: Record<string, unknown>,
  changes: InputChange[],
  documents: RequestContext["documents"],
): unknown {
  let input: unknown = { ...valid };
  for (const c of changes) {
    const obj: Record<string, unknown> =
      input !== null && typeof input === "object" && !Array.isArray(input) && !(input instanceof RawJson)
        ? { ...(input as Record<string, unknown>) }
        : {};
    switch (c.kind) {
      case "replace":
        defineOwn(obj, c.key, c.value);
        input = obj;
        break;
      case "replaceNested": {
        const current = obj[c.key];
        const inner: Record<string, unknown> =
          current !== null && typeof current === "object" && !Array.isArray(current)
            ? { ...(current as Record<string, unknown>) }
            : {};
        defineOwn(inner, c.inner, c.value);
        defineOwn(obj, c.key, Array.isArray(current) ? [inner, ...current] : inner);
        input = obj;
        break;
      }
      case "extraKeys":
        for (const [k, v] of c.entries) defineOwn(obj, k, v);
        input = obj;
        break;
      case "drop":
        delete obj[c.key];
        input = obj;
        break;
      case "whole":
        input = c.value;
        break;
      case "rubricFile":
        defineOwn(obj, c.key, editedDocument(documents.rubricFile, c.edits));
        input = obj;
        break;
      case "none":
        break;
    }
  }
  return input;
}

/** Sets an own property even for "__proto__", as JSON.parse would. */
function defineOwn(obj: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

// ---- envelopes (how the input is written into the request) ----

const superjsonAnnotation = fc.oneof(
  fc.constantFrom<unknown>(
    "Date",
    "bigint",
    "undefined",
    "set",
    "map",
    "regexp",
    "Error",
    "number",
    "URL",
    "symbol",
    ["class", "Nope"],
    ["custom", "Nope"],
    ["symbol", "Symbol.iterator"],
    ["typed-array", "Int8Array"],
    ["typed-array", "Nope"],
    ["map", { "0": ["Date"] }],
    ["set", { "0.x": ["bigint"] }],
    [],
    [[]],
    {},
    null,
    42,
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
const metaPath = (keys: string[]) =>
  fc.oneof(
    ...(keys.length ? [fc.constantFrom(...keys)] : []),
    fc.constantFrom(
      "",
      "__proto__",
      "constructor.prototype",
      "a.b.c",
      "0",
      "x.__proto__.polluted",
      "workspaceId.length",
      "\\.",
      ".",
    ),
    fc.string({ maxLength: 10 }),
  );

export type Envelope =
  | { kind: "superjson" }
  | { kind: "badMeta"; meta: unknown }
  | { kind: "bare" }
  | { kind: "text"; text: string }
  | { kind: "bytes"; bytes: number[] };

export function envelopeFor(p: ProcedureInfo): fc.Arbitrary<Envelope> {
  const keys = keysOf(p);
  const values = fc.dictionary(metaPath(keys), superjsonAnnotation, { minKeys: 1, maxKeys: 4 });
  const meta = fc.oneof(
    fc.record({ values }),
    fc.record({ values: fc.jsonValue({ maxDepth: 2 }) }),
    fc.record({
      values,
      referentialEqualities: fc.dictionary(
        metaPath(keys),
        fc.oneof(fc.array(metaPath(keys), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })),
      ),
    }),
    fc.record({ referentialEqualities: fc.jsonValue({ maxDepth: 2 }) }),
    fc.record({ values, v: fc.oneof(fc.integer(), fc.string()) }),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const text = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.constantFrom(
      "",
      "{",
      '{"json":',
      "[",
      "null",
      "undefined",
      "NaN",
      '{"json":1}}',
      "\ufeff{}",
      '{"json":{}} trailing',
      "'single'",
      "{json:1}",
      '{"a":1,"a":2}',
      "0x10",
    ),
    megaString,
  );
  return fc.oneof(
    { weight: 20, arbitrary: fc.constant({ kind: "superjson" as const }) },
    { weight: 4, arbitrary: meta.map((m) => ({ kind: "badMeta" as const, meta: m })) },
    { weight: 1, arbitrary: fc.constant({ kind: "bare" as const }) },
    { weight: 2, arbitrary: text.map((t) => ({ kind: "text" as const, text: t })) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 })
        .map((b) => ({ kind: "bytes" as const, bytes: b })),
    },
  );
}

/** JSON text for a value, splicing in RawJson pieces verbatim. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) return "null";
  // The marker went through JSON.stringify as a string literal: unescape it back to the raw text.
  return text.includes(RAW_OPEN)
    ? text.replace(RAW_MARKER, (_m, inner: string) => JSON.parse(`"${inner}"`) as string)
    : text;
}

function envelopeText(input: unknown, envelope: Envelope): string | Uint8Array {
  switch (envelope.kind) {
    case "superjson":
      return toJsonText({ json: input });
    case "badMeta":
      return toJsonText({ json: input, meta: envelope.meta });
    case "bare":
      return toJsonText(input);
    case "text":
      return envelope.text;
    case "bytes":
      return new Uint8Array(envelope.bytes);
  }
}

// ---- requests ----

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

export interface RequestContext {
  procedures: Map<string, ProcedureInfo>;
  /** Valid documents of the workspace that document changes start from. */
  documents: { rubricFile: unknown };
  baseUrl: string;
  refs: Record<string, string>;
  sessionCookieName: string;
  sessionTokens: Partial<Record<RoleUnderTest, string>>;
  peerAddress: { header: string; value: string };
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

// ---- responses ----

type ErrorShape = {
  error: { json: { message: string; code: number; data: { code: string; httpStatus: number; stack?: unknown } } };
};

/** Why a response body is not what tRPC's error (or result) shape promises, or null when it is. */
export function shapeProblem(body: unknown, isBatch: boolean): string | null {
  if (isBatch && Array.isArray(body)) {
    for (const [i, item] of body.entries()) {
      const problem = itemProblem(item);
      if (problem) return `batch item ${i}: ${problem}`;
    }
    return null;
  }
  return itemProblem(body);
}

function itemProblem(item: unknown): string | null {
  if (item === null || typeof item !== "object") return "not an object";
  if ("result" in item) {
    const result = item.result;
    return result !== null && typeof result === "object" && "data" in result ? null : "result without data";
  }
  if (!("error" in item)) return "neither result nor error";
  const json = (item as Partial<ErrorShape>).error?.json;
  if (!json || typeof json.message !== "string" || typeof json.code !== "number")
    return "error without json.message and json.code";
  if (!json.data || typeof json.data.code !== "string" || typeof json.data.httpStatus !== "number")
    return "error without data.code and data.httpStatus";
  if (json.data.httpStatus >= 500)
    return `an error with httpStatus ${json.data.httpStatus} (${json.data.code}): ${json.message.slice(0, 200)}`;
  if (json.data.stack !== undefined && json.data.stack !== null) return "an error with a stack trace";
  if (json.message.length === 0) return "an empty error message";
  return null;
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
