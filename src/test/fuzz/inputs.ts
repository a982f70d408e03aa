// Changes to a procedure's sample input: keys removed, replaced by nasty values, or added.
import fc from "fast-check";
import { type ProcedureInfo } from "@/test/procedures";
import { type RequestContext } from "./context";
import { defineOwn, icsText, rubricFileEdits, editedDocument } from "./documents";
import { RawJson } from "./raw-json";
import { nastyKey, nastyValue } from "./values";

/** How the valid-looking input of a procedure is spoiled; keys are chosen from its schema where possible. */
export type InputChange =
  | { kind: "replace"; key: string; value: unknown }
  | { kind: "replaceNested"; key: string; inner: string; value: unknown }
  | { kind: "extraKeys"; entries: [string, unknown][] }
  | { kind: "drop"; key: string }
  | { kind: "whole"; value: unknown }
  | { kind: "rubricFile"; key: string; edits: [(string | number)[], unknown][] }
  | { kind: "none" };

export function keysOf(p: ProcedureInfo): string[] {
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
