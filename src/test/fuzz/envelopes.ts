// How the input is written into the request: valid and broken superjson envelopes, bodies that are not JSON.
import fc from "fast-check";
import { type ProcedureInfo } from "@/test/procedures";
import { keysOf } from "./inputs";
import { toJsonText } from "./raw-json";
import { megaString } from "./values";

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

export function envelopeText(input: unknown, envelope: Envelope): string | Uint8Array {
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
