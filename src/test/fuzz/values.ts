// Nasty values for the fuzz test: wrong types, NUL bytes, lone surrogates, 1 MB text, huge and negative
// numbers, deep nesting, odd keys.
import fc from "fast-check";
import { RawJson } from "./raw-json";

const MEGABYTE = 1 << 20;

export const lone = fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff", "a\ud83d", "\ude00b", "\ud83d\ud83d");

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
export const megaString = fc
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
