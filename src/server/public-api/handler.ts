// Serves one REST endpoint of the route table: the key from `Authorization: Bearer …` (401 when missing,
// unknown or revoked), the rate limits (429 with Retry-After), the inputs from the path, query and body,
// then the endpoint's procedures through the app router's createCaller with a context built from the key,
// so tenancy, roles and every service rule are the app's own. Errors come back as JSON with the status
// tRPC gives their code (NOT_FOUND 404, FORBIDDEN 403, BAD_REQUEST 400, …).
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { z } from "zod";
import { acceptRequestId } from "@/domain/request-id";
import { isSafeText } from "@/domain/text";
import { BUSY_RETRY_AFTER_S, retryAfterOf } from "@/server/api/http";
import { createCaller } from "@/server/api/root";
import { describeError, isDatabaseBusy, type Context } from "@/server/api/trpc";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { clientAddress } from "@/server/peer-address";
import { getRateLimits } from "@/server/rate-limit";
import { authenticateApiKey } from "@/server/services/api-key";
import { ApiKeyToken } from "@/schemas/api-key";
import { apiRoute, proceduresFor, type ApiRoute } from "./routes";

type Params = Record<string, string | string[] | undefined>;

/** A Next route handler for the route table's entry `id`. */
export function apiHandler(id: string) {
  const route = apiRoute(id);
  return async (req: Request, context: { params: Promise<Params> }) =>
    handleApiRequest(req, route, await context.params);
}

function errorResponse(
  status: number,
  error: { code: string; message: string; reason?: string | null; field?: string | null; fieldErrors?: unknown },
  headers: Record<string, string> = {},
) {
  return Response.json(
    {
      error: {
        code: error.code,
        message: error.message,
        reason: error.reason ?? null,
        field: error.field ?? null,
        fieldErrors: error.fieldErrors ?? null,
      },
    },
    { status, headers: { "cache-control": "no-store", ...headers } },
  );
}

const unauthorized = (message: string) =>
  errorResponse(401, { code: "UNAUTHORIZED", message }, { "www-authenticate": 'Bearer realm="loopwise"' });

const badRequest = (message: string, reason = "invalid_input") =>
  errorResponse(400, { code: "BAD_REQUEST", message, reason });

/** The innermost type of a schema field (through optional, default, nullable). */
function baseType(schema: z.ZodType): string {
  let def = (schema as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  while (def.innerType) def = (def.innerType as unknown as { _zod: { def: typeof def } })._zod.def;
  return def.type;
}

/**
 * Query parameters as the procedure's input: numbers and booleans read from their text as the schema's
 * fields say; a parameter the endpoint does not take is refused, not ignored.
 */
function readQuery(route: ApiRoute, search: URLSearchParams): Record<string, unknown> | string {
  const shape = route.query?.shape ?? {};
  const values: Record<string, unknown> = {};
  for (const [key, value] of search) {
    const field = Object.hasOwn(shape, key) ? (shape[key] as z.ZodType) : undefined;
    if (!field)
      return `Unknown query parameter "${key}". This endpoint takes: ${Object.keys(shape).join(", ") || "none"}.`;
    const type = baseType(field);
    values[key] =
      type === "number" && /^-?\d+(\.\d+)?$/.test(value)
        ? Number(value)
        : type === "boolean" && (value === "true" || value === "false")
          ? value === "true"
          : value;
  }
  return values;
}

async function readBody(req: Request): Promise<Record<string, unknown> | string> {
  const text = await req.text();
  if (!text.trim()) return "Send the request's fields as a JSON object in the body.";
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return "The body is not valid JSON. Send a JSON object with Content-Type: application/json.";
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "The body must be a JSON object.";
  return body as Record<string, unknown>;
}

function bearer(req: Request): string | null {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

export async function handleApiRequest(req: Request, route: ApiRoute, params: Params): Promise<Response> {
  const env = getEnv();
  const limits = getRateLimits();
  const byIp = await limits.consume("apiPerIp", clientAddress(req.headers, env.TRUST_PROXY === true));
  if (!byIp.allowed) return tooMany(byIp.retryAfterS);

  const secret = bearer(req);
  if (!secret) return unauthorized("Send your API key as `Authorization: Bearer lw_live_…`.");
  if (!ApiKeyToken.safeParse(secret).success) return unauthorized("That is not a Loopwise API key.");
  const db = getDb();
  let key: Awaited<ReturnType<typeof authenticateApiKey>>;
  try {
    key = await authenticateApiKey(db, secret);
  } catch (err) {
    // Out of connections is "busy, try again" here as in the procedures; anything else is a 500.
    if (!isDatabaseBusy(err)) throw err;
    return errorResponse(
      503,
      { code: "SERVICE_UNAVAILABLE", message: "The server is busy right now. Please try again in a few seconds." },
      { "retry-after": String(BUSY_RETRY_AFTER_S) },
    );
  }
  if (!key) return unauthorized("This API key is unknown or revoked. Ask a workspace owner for a new one.");

  const byKey = await limits.consume("apiPerKey", key.id);
  if (!byKey.allowed) return tooMany(byKey.retryAfterS);

  const path: Record<string, unknown> = {};
  for (const name of Object.keys(route.params?.shape ?? {})) {
    const value = params[name];
    if (typeof value !== "string" || !isSafeText(value)) return badRequest(`The path's ${name} is not valid.`);
    path[name] = value;
  }
  const rest = route.body ? await readBody(req) : readQuery(route, new URL(req.url).searchParams);
  if (typeof rest === "string") return badRequest(rest);

  const requestId = acceptRequestId(req.headers.get("x-request-id"), randomUUID);
  const ctx: Context = {
    db,
    actor: key.actor,
    requestId,
    log: logger.child({ requestId, userId: key.actor.userId, apiKeyId: key.id }),
    apiKey: { id: key.id, procedures: proceduresFor(key.resources), write: key.scope === "write" },
  };
  const caller = createCaller(ctx) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const call = (procedure: string, input: Record<string, unknown>) => {
    // A route calls only the procedures it declares (the OpenAPI test and the key's limits read them).
    if (!route.procedures.includes(procedure)) throw new Error(`${route.id} does not declare ${procedure}`);
    const [area, name] = procedure.split(".") as [string, string];
    return caller[area]![name]!(input);
  };
  try {
    const result = await route.run(call, { ...rest, ...path, workspaceId: key.workspaceId });
    return Response.json(route.response.parse(result), {
      headers: { "cache-control": "no-store", "x-request-id": requestId },
    });
  } catch (err) {
    if (!(err instanceof TRPCError)) {
      ctx.log.error({ err, route: route.id }, "API request failed");
      return errorResponse(500, {
        code: "INTERNAL_SERVER_ERROR",
        message: `Something went wrong on our side. Please try again; if it keeps happening, quote request id ${requestId}.`,
      });
    }
    const retryAfter = retryAfterOf(err);
    return errorResponse(
      getHTTPStatusCodeFromError(err),
      { code: err.code, ...describeError(err) },
      retryAfter ? { "retry-after": String(retryAfter), "x-request-id": requestId } : { "x-request-id": requestId },
    );
  }
}

function tooMany(retryAfterS: number) {
  return errorResponse(
    429,
    {
      code: "TOO_MANY_REQUESTS",
      message: `Too many requests. Try again in ${retryAfterS} seconds.`,
      reason: "rate_limited",
    },
    { "retry-after": String(retryAfterS) },
  );
}
