// The OpenAPI document: valid OpenAPI 3.1 (checked by a validator library, not by us), served at
// /api/v1/openapi.json, and in step with the route table and the route handlers on disk.
import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { routeFolder } from "@/test/api-client";
import { API_BASE_PATH, buildOpenApiDocument } from "./openapi";
import { API_ROUTES } from "./routes";

const V1 = path.resolve("src/app/api/v1");

/** Every route.ts under src/app/api/v1, as its folder relative to the repository. */
function routeFiles(dir = V1): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(path.resolve("."), dir)] : [];
  });
}

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument("http://localhost:3000");

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("documents every route of the table, with its inputs and responses", () => {
    const operations = Object.entries(document.paths ?? {}).flatMap(([p, item]) =>
      Object.entries(item as Record<string, { operationId?: string }>).map(
        ([method, op]) => `${method.toUpperCase()} ${p} ${op.operationId}`,
      ),
    );
    expect(operations.sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${API_BASE_PATH}${r.path} ${r.id}`).sort());
    for (const route of API_ROUTES) {
      const op = (document.paths as Record<string, Record<string, Record<string, unknown>>>)[
        `${API_BASE_PATH}${route.path}`
      ]![route.method.toLowerCase()]!;
      const params = (op.parameters ?? []) as { in: string; name: string; required?: boolean }[];
      for (const name of Object.keys(route.params?.shape ?? {}))
        expect(params, `${route.id} path ${name}`).toContainEqual(
          expect.objectContaining({ in: "path", name, required: true }),
        );
      for (const name of Object.keys(route.query?.shape ?? {}))
        expect(params, `${route.id} query ${name}`).toContainEqual(expect.objectContaining({ in: "query", name }));
      expect(!!op.requestBody, `${route.id} body`).toBe(!!route.body);
      expect(Object.keys(op.responses as object)).toEqual(expect.arrayContaining(["200", "401", "403", "429"]));
    }
  });

  it("covers every route handler under src/app/api/v1, and each handler serves its table entries", async () => {
    const served: string[] = [];
    for (const folder of routeFiles()) {
      if (folder.endsWith("openapi.json")) continue;
      const mod = (await import(/* @vite-ignore */ `../../../${folder}/route.ts`)) as Record<string, unknown>;
      for (const method of Object.keys(mod).filter((k) => /^[A-Z]+$/.test(k))) served.push(`${method} ${folder}`);
    }
    expect(served.sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${routeFolder(r.path)}`).sort());
  });

  it("is served at /api/v1/openapi.json", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const res = GET();
    expect(res.status).toBe(200);
    const served = (await res.json()) as { openapi: string; paths: object };
    expect(served.openapi).toBe("3.1.0");
    expect(Object.keys(served.paths)).toHaveLength(new Set(API_ROUTES.map((r) => r.path)).size);
  });
});
