// Enumerates the app router's procedures and builds inputs for them from their zod schemas, so the
// access sweeps cover procedures added later without edits.
import { z } from "zod";
import { appRouter } from "@/server/api/root";
import type { Meta } from "@/server/api/trpc";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  meta: Meta | undefined;
  inputSchema: JsonSchema;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  default?: unknown;
  pattern?: string;
};

type AnyProc = { _def: { type: ProcedureInfo["type"]; meta?: Meta; inputs: z.ZodType[] } };

export function listProcedures(): ProcedureInfo[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyProc>;
  return Object.entries(procedures).map(([path, proc]) => {
    const merged: JsonSchema = { type: "object", properties: {}, required: [] };
    for (const parser of proc._def.inputs) {
      const schema = z.toJSONSchema(parser, { io: "input", unrepresentable: "any" }) as JsonSchema;
      Object.assign(merged.properties!, schema.properties ?? {});
      merged.required!.push(...(schema.required ?? []));
    }
    return { path, type: proc._def.type, meta: proc._def.meta, inputSchema: merged };
  });
}

/** Keys that point at existing rows: the sweep fills them with another workspace's ids. */
export function isReferenceKey(key: string): boolean {
  return key === "workspaceId" || key === "token" || /Id$/.test(key);
}

export function requiredReferenceKeys(p: ProcedureInfo): string[] {
  return (p.inputSchema.required ?? []).filter((k) => isReferenceKey(k) || k === "slug");
}

/**
 * Builds a valid-looking input. `refs` maps reference keys (workspaceId, memberId, token, slug, …) to
 * values; a reference key with no value throws, naming the key, so a new kind of id gets a fixture.
 */
export function sampleInput(p: ProcedureInfo, refs: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(p.inputSchema.properties ?? {})) {
    const required = p.inputSchema.required?.includes(key) ?? false;
    if (isReferenceKey(key) || (key === "slug" && required)) {
      const value = refs[key];
      if (value === undefined) {
        if (!required) continue;
        throw new Error(`No sweep fixture for input key "${key}" of ${p.path}: add one in src/test/sweep-fixtures.ts`);
      }
      out[key] = value;
    } else if (required) {
      out[key] = sampleValue(key, schema, refs);
    }
  }
  return out;
}

function sampleValue(key: string, schema: JsonSchema, refs: Record<string, string>): unknown {
  if (isReferenceKey(key) && refs[key] !== undefined) return refs[key];
  if (/At$|Date$/.test(key)) return new Date(Date.now() + 7 * 86_400_000).toISOString();
  if (schema.anyOf?.length) return sampleValue(key, schema.anyOf[0]!, refs);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (key === "timeZone") return "UTC";
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "email") return "sweep-target@example.test";
      return "sweep".padEnd(Math.max(schema.minLength ?? 1, 5), "x").slice(0, schema.maxLength ?? 64);
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "array":
      return schema.items ? [sampleValue(key, schema.items, refs)] : [];
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, sampleValue(k, s, refs)]));
    default:
      return "sweep";
  }
}

/** Inputs that are wrong in different ways: missing fields, wrong types, oversized strings. */
export function malformedInputs(p: ProcedureInfo, valid: Record<string, unknown>): { label: string; input: unknown }[] {
  const cases: { label: string; input: unknown }[] = [
    { label: "a bare string", input: "not an object" },
    { label: "an array", input: [1, 2, 3] },
  ];
  const props = Object.entries(p.inputSchema.properties ?? {});
  for (const [key, schema] of props) {
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    const wrong = type === "string" || schema.enum ? 12345 : "not-a-number";
    cases.push({ label: `${key} of the wrong type`, input: { ...valid, [key]: wrong } });
    if (type === "string" && !schema.enum && key !== "workspaceId") {
      cases.push({ label: `${key} too long`, input: { ...valid, [key]: "x".repeat(20_000) } });
    }
    if (p.inputSchema.required?.includes(key) && key !== "workspaceId") {
      const rest = { ...valid };
      delete rest[key];
      cases.push({ label: `${key} missing`, input: rest });
    }
  }
  return cases;
}
