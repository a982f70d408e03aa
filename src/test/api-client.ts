// Calls the public REST API through its real route handlers (src/app/api/v1/**/route.ts): a path like
// /loops/abc is matched against the route table's templates, the route folder's module is imported and its
// exported method is called with the params Next would pass.
import { API_ROUTES } from "@/server/public-api/routes";
import type { Role } from "@/domain/roles";
import { callerFor, type TestWorkspace } from "./factories";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The folder of a route template: {loopId} becomes [loopId]. */
export function routeFolder(template: string): string {
  return `src/app/api/v1${template.replace(/\{(\w+)\}/g, "[$1]")}`;
}

function match(template: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const found = new RegExp(`^${pattern}$`).exec(path);
  return found ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1]!)])) : null;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & {
    error?: { code: string; message: string; reason: string | null; field?: string | null };
  };
}

/** `GET /loops?limit=1` or `POST /rounds/x/scorecard` with a body; `key` null sends no Authorization. */
export async function api(
  key: string | null,
  method: "GET" | "POST",
  pathAndQuery: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  const [path = "", query = ""] = pathAndQuery.split("?");
  for (const route of API_ROUTES) {
    const params = route.method === method ? match(route.path, path) : null;
    if (!params) continue;
    const mod = (await import(/* @vite-ignore */ `../../${routeFolder(route.path)}/route.ts`)) as Record<
      string,
      Handler
    >;
    const req = new Request(`http://localhost/api/v1${path}${query ? `?${query}` : ""}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const res = await mod[method]!(req, { params: Promise.resolve(params) });
    return { status: res.status, headers: res.headers, body: (await res.json()) as ApiResponse["body"] };
  }
  throw new Error(`No API route for ${method} ${path}`);
}

/** A key of the workspace made by its owner (acting as `bindTo` when given). */
export async function makeKey(
  ws: TestWorkspace,
  opts: { scope?: "read" | "write"; resources?: string[]; bindTo?: Role | { memberId: string } } = {},
) {
  const bound =
    typeof opts.bindTo === "string" ? ws.members[opts.bindTo].memberId : (opts.bindTo?.memberId ?? undefined);
  const made = await callerFor(ws.members.owner.actor).apiKey.create({
    workspaceId: ws.id,
    name: `test key ${opts.scope ?? "read"}`,
    scope: opts.scope ?? "read",
    resources: (opts.resources ?? []) as never,
    boundMemberId: bound,
  });
  return { id: made.key.id, secret: made.secret };
}
