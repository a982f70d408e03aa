// The REST API's reference, rendered on the server from the generated OpenAPI document (no client script,
// no assets from elsewhere): every endpoint with its scope, parameters, body fields and responses.
import type { Metadata } from "next";
import Link from "next/link";
import { buildOpenApiDocument } from "@/server/public-api/openapi";

export const metadata: Metadata = { title: "API reference" };

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
};
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  "x-loopwise-scope"?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

function typeOf(schema: Schema | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").at(-1)!;
  if (schema.enum) return schema.enum.map(String).join(" | ");
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items)}[]`;
  return Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "object");
}

export default function ApiReferencePage() {
  const document = buildOpenApiDocument();
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      op,
    })),
  );
  return (
    <main id="main" className="mx-auto max-w-4xl px-6 py-12">
      <p className="text-sm font-semibold text-brand-700">Loopwise</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">API reference</h1>
      <p className="mt-4 text-slate-700">{document.info.description}</p>
      <ul className="mt-4 list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>
          Authenticate with <code className="font-mono">Authorization: Bearer lw_live_…</code> (401 without a valid
          key). Read keys call GET endpoints; write keys also POST (403 otherwise).
        </li>
        <li>Each key has a rate limit per minute; past it the API answers 429 with Retry-After.</li>
        <li>
          Errors are JSON: <code className="font-mono">{`{ "error": { "code", "message", "reason", "field" } }`}</code>.
        </li>
        <li>
          The machine-readable document:{" "}
          <a href="/api/v1/openapi.json" className="underline focus-ring">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI {document.openapi}).
        </li>
      </ul>
      <nav aria-label="Endpoints" className="mt-8">
        <h2 className="text-lg font-semibold">Endpoints</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {operations.map(({ method, path, op }) => (
            <li key={op.operationId}>
              <Link href={`#${op.operationId}`} className="font-mono underline focus-ring">
                {method} {path}
              </Link>{" "}
              · {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ method, path, op }) => {
        const body = op.requestBody?.content["application/json"]?.schema;
        return (
          <section
            key={op.operationId}
            id={op.operationId}
            aria-labelledby={`${op.operationId}-title`}
            className="mt-10 rounded-lg bg-white p-5 ring-1 ring-slate-200"
          >
            <h2 id={`${op.operationId}-title`} className="font-mono text-base font-semibold break-all">
              {method} {path}
            </h2>
            <p className="mt-1 font-medium">
              {op.summary} <span className="text-sm font-normal text-slate-600">({op["x-loopwise-scope"]} scope)</span>
            </p>
            {op.description && <p className="mt-2 text-sm text-slate-700">{op.description}</p>}
            {!!op.parameters?.length && (
              <>
                <h3 className="mt-4 text-sm font-semibold">Parameters</h3>
                <ul className="mt-1 space-y-1 text-sm">
                  {op.parameters.map((p) => (
                    <li key={`${p.in}-${p.name}`}>
                      <code className="font-mono">{p.name}</code> ({p.in}
                      {p.required ? ", required" : ""}): {typeOf(p.schema)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {body && (
              <>
                <h3 className="mt-4 text-sm font-semibold">JSON body</h3>
                <ul className="mt-1 space-y-1 text-sm">
                  {Object.entries(body.properties ?? {}).map(([name, schema]) => (
                    <li key={name}>
                      <code className="font-mono">{name}</code>
                      {body.required?.includes(name) ? " (required)" : ""}: {typeOf(schema)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h3 className="mt-4 text-sm font-semibold">Responses</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {Object.entries(op.responses).map(([status, response]) => (
                <li key={status}>
                  <span className="font-mono">{status}</span> {response.description}
                  {status === "200" && ` (${typeOf(response.content?.["application/json"]?.schema)})`}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </main>
  );
}
