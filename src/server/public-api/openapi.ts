// The OpenAPI 3.1 document of the REST API, generated (zod-openapi) from the route table and the same zod
// schemas that validate the inputs and shape the outputs: nothing in it is written by hand.
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { API_RESOURCES } from "@/domain/api-keys";
import { API_ROUTES, type ApiRoute } from "./routes";
import { ApiErrorBody } from "./schemas";

export const API_BASE_PATH = "/api/v1";

const ERRORS: Record<string, string> = {
  "400": "The input breaks a rule; the message says which.",
  "401": "No API key, or an unknown or revoked one.",
  "403": "The key's scope or resources, or the role of the person it acts as, does not allow this.",
  "404": "Not found in the key's workspace (another workspace's ids look exactly like missing ones).",
  "409":
    "The state does not allow this now (for example, the scorecard is already submitted, or no rubric is published yet).",
  "429": "Too many requests for this key; wait the seconds in Retry-After.",
};

/** Reads that can answer 409: another's scorecard not yet visible; a round type with no published rubric. */
const CONFLICTS_ON_READ = new Set(["listScorecards", "getRoundRubric", "getRoundTypeRubric"]);

function operation(route: ApiRoute): ZodOpenApiOperationObject {
  const errorResponses = Object.fromEntries(
    Object.entries(ERRORS)
      .filter(([status]) => status !== "409" || route.writes || CONFLICTS_ON_READ.has(route.id))
      .map(([status, description]) => [
        status,
        {
          description,
          ...(status === "429" ? { headers: { "Retry-After": { schema: { type: "integer" as const } } } } : {}),
          content: { "application/json": { schema: ApiErrorBody } },
        },
      ]),
  );
  return {
    operationId: route.id,
    summary: route.summary,
    description: route.description,
    tags: [route.resource],
    "x-loopwise-scope": route.writes ? "write" : "read",
    requestParams: {
      ...(route.params ? { path: route.params } : {}),
      ...(route.query ? { query: route.query } : {}),
    },
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: route.body } } } } : {}),
    responses: {
      "200": { description: "OK", content: { "application/json": { schema: route.response } } },
      ...errorResponses,
    },
  };
}

export function buildOpenApiDocument(serverUrl?: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of API_ROUTES) {
    const key = `${API_BASE_PATH}${route.path}`;
    paths[key] = { ...paths[key], [route.method.toLowerCase()]: operation(route) };
  }
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Loopwise API",
        version: "1.0.0",
        description:
          "Read loops, rounds, scorecards, debriefs, released reports, members and the round-type library of one " +
          "workspace, and submit scorecards, with an API key an owner makes under Settings → API keys. A key acts " +
          "as the member it is bound to, or else as the owner who made it, with that person's role.",
      },
      ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
      tags: API_RESOURCES.map((name) => ({ name })),
      security: [{ apiKey: [] }],
      components: {
        securitySchemes: {
          apiKey: {
            type: "http",
            scheme: "bearer",
            description: "`Authorization: Bearer lw_live_…` with a key from Settings → API keys.",
          },
        },
      },
      paths,
    },
    {
      // Dates leave the server as JSON strings.
      override: ({ jsonSchema, zodSchema, io }) => {
        if (io === "output" && zodSchema._zod.def.type === "date") {
          jsonSchema.type = "string";
          jsonSchema.format = "date-time";
        }
      },
    },
  );
}
