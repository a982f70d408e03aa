// tRPC calls are answered before Next.js, exactly as the route answers them: the same screening, limits,
// status codes and headers, and Next.js's compression; the client's address is the socket's, whatever the
// client claims; anything the route would not serve as it is goes on to Next.js.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { answerTrpc } from "@/server/api/endpoint";
import { resetEnvForTests } from "@/server/env";
import { logger } from "@/server/logger";
import { answerEarly, EARLY_ANSWER_KEY, installEarlyAnswers } from "@/server/early-answers";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "@/server/peer-address";
import { resetRateLimitsForTests } from "@/server/rate-limit";
import { createSessionFor, sessionCookieName } from "@/server/services/session";
import { createWorkspaceWithRoles, db, type TestWorkspace } from "@/test/factories";

let server: http.Server;
let port: number;
/** Requests the stand-in for Next.js received. */
const passedOn: string[] = [];
const appUrl = process.env.NEXTAUTH_URL!;

beforeAll(async () => {
  recordPeerAddresses();
  server = http.createServer((req, res) => {
    if (answerEarly(req, res)) return;
    passedOn.push(`${req.method} ${req.url}`);
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  /** Sent on a kept-alive connection that served a request before. */
  reused: boolean;
}

/** One request, from `from` (any 127.x.y.z: a fresh address starts with fresh per-address counts). */
function call(
  path: string,
  { method = "GET", headers = {}, body, from = "127.0.0.1", agent }: CallOptions = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const options = { host: "127.0.0.1", port, path, method, headers, localAddress: from, agent };
    const req = http.request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const plain = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
        const text = plain.toString("utf8");
        resolve({ status: res.statusCode!, headers: res.headers, body: raw, text, reused: req.reusedSocket });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}
interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  from?: string;
  agent?: http.Agent;
}

const freshAddress = () =>
  `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

function limits(values: Record<string, string>) {
  Object.assign(process.env, values);
  resetEnvForTests();
  resetRateLimitsForTests();
}
afterEach(() => {
  for (const key of ["RATE_LIMIT_API_PER_USER", "RATE_LIMIT_API_PER_IP", "TRUST_PROXY"]) delete process.env[key];
  resetEnvForTests();
  resetRateLimitsForTests();
});

let ws: TestWorkspace;
let cookie: string;
beforeAll(async () => {
  ws = await createWorkspaceWithRoles("early");
  const { sessionToken } = await createSessionFor(db, ws.members.owner.actor.userId);
  cookie = `${sessionCookieName(appUrl)}=${sessionToken}`;
});

const memberList = (calls: number) => {
  const input = Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, { json: { workspaceId: ws.id } }]));
  const paths = Array.from({ length: calls }, () => "member.list").join(",");
  return `/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
};

/** The same request through the route's function, as Next.js hands it to the route. */
async function throughRoute(path: string, { method = "GET", headers = {}, body }: CallOptions = {}) {
  const res = await answerTrpc(
    new Request(`http://localhost${path}`, {
      method,
      body,
      headers: { host: `127.0.0.1:${port}`, [PEER_ADDRESS_HEADER]: "127.0.0.1", ...headers },
    }),
  );
  return { status: res.status, text: await res.text(), headers: Object.fromEntries(res.headers) };
}

/** The headers that differ from one response to the next by design, or that the compression adds to. */
const fresh = new Set([
  "content-security-policy",
  "x-request-id",
  // Set by the connection, not the endpoint.
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "vary",
]);
const stable = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !fresh.has(name)));

describe("tRPC before Next.js", () => {
  it("answers a call with the route's status, body and headers, the request id and the security headers", async () => {
    passedOn.length = 0;
    const headers = { cookie, "x-request-id": "lb-42.abc_DEF" };
    const early = await call(memberList(2), { headers });
    const route = await throughRoute(memberList(2), { headers });
    expect(early.status).toBe(200);
    expect(JSON.parse(early.text)).toEqual(JSON.parse(route.text));
    expect(early.headers["x-request-id"]).toBe("lb-42.abc_DEF");
    expect(early.headers["x-frame-options"]).toBe("DENY");
    expect(early.headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(early.headers["strict-transport-security"]).toBeUndefined();
    // Next.js's compression adds Accept-Encoding to tRPC's Vary, whether or not it compresses.
    expect(early.headers["vary"]).toBe(`${route.headers["vary"]}, Accept-Encoding`);
    expect(stable(early.headers)).toEqual(stable(route.headers));
    expect(passedOn).toEqual([]);
  });

  it("sends HSTS when the connection came through TLS (X-Forwarded-Proto), as behind Next.js", async () => {
    const res = await call(memberList(1), { headers: { cookie, "x-forwarded-proto": "https" } });
    expect(res.status).toBe(200);
    expect(res.headers["strict-transport-security"]).toContain("max-age=");
  });

  it("compresses as Next.js does when the client accepts gzip", async () => {
    const res = await call(memberList(3), { headers: { cookie, "accept-encoding": "gzip, deflate" } });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["vary"]).toBe("trpc-accept, accept, Accept-Encoding");
    expect(res.body.length).toBeLessThan(res.text.length);
    expect(JSON.parse(res.text)).toHaveLength(3);
  });

  it("runs a mutation from the app's own page (a POST body) and refuses one from another site with 403", async () => {
    const post = (origin: string, timeZone: string) =>
      call("/api/trpc/account.setTimeZone", {
        method: "POST",
        headers: { cookie, origin, "content-type": "application/json" },
        body: JSON.stringify({ json: { timeZone } }),
      });
    const refused = await post("https://evil.example", "Asia/Tokyo");
    expect(refused.status).toBe(403);
    const refusal = JSON.parse(refused.text) as { error: string; requestId: string };
    expect(refusal.error).toMatch(/came from another site/);
    expect(refusal.requestId).toBe(refused.headers["x-request-id"]);
    expect(refused.headers["x-content-type-options"]).toBe("nosniff");

    const done = await post(appUrl, "Europe/Paris");
    expect(done.status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { id: ws.members.owner.actor.userId } });
    expect(user.timeZone).toBe("Europe/Paris");
  });

  it("leaves a refused request's unread body to the server, so the connection serves the next request", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await call("/api/trpc/account.setTimeZone", {
        method: "POST",
        headers: { cookie, origin: "https://evil.example", "content-type": "application/json" },
        body: JSON.stringify({ json: { timeZone: "x".repeat(1 << 20) } }),
        agent,
      });
      expect(refused.status).toBe(403);
      const next = await call(memberList(1), { headers: { cookie }, agent });
      expect(next.status).toBe(200);
      expect(next.reused).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it("lets a client leave in the middle of its request without logging a failure", async () => {
    const logged = vi.spyOn(logger, "error");
    try {
      const left = new Promise<void>((resolve) => {
        const req = http.request({
          host: "127.0.0.1",
          port,
          path: "/api/trpc/account.setTimeZone",
          method: "POST",
          headers: { cookie, origin: appUrl, "content-type": "application/json", "content-length": "1000" },
        });
        req.on("error", () => resolve());
        req.write('{"json":{"timeZone":"Eu');
        setTimeout(() => req.destroy(), 50);
      });
      await left;
      // The endpoint sees the request end early, then finds the connection gone.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(logged).not.toHaveBeenCalled();
      expect((await call(memberList(1), { headers: { cookie } })).status).toBe(200);
    } finally {
      logged.mockRestore();
    }
  });

  it("refuses a batch over the limit with the route's 400", async () => {
    const early = await call(memberList(11), { headers: { cookie } });
    const route = await throughRoute(memberList(11), { headers: { cookie } });
    expect(early.status).toBe(400);
    expect(early.text).toContain("Too many calls in one request: at most 10 may be batched together.");
    expect(early.text).toBe(route.text);
  });

  it("counts calls per socket address, whatever address header the client sends, with 429 and Retry-After", async () => {
    limits({ RATE_LIMIT_API_PER_IP: "2" });
    const from = freshAddress();
    const spoofing = (n: number) => ({ from, headers: { [PEER_ADDRESS_HEADER]: `198.51.100.${n}` } });
    expect((await call(memberList(1), spoofing(1))).status).toBe(401);
    expect((await call(memberList(1), spoofing(2))).status).toBe(401);
    const refused = await call(memberList(1), spoofing(3));
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toMatch(/^\d+$/);
    const body = JSON.parse(refused.text) as { error: { json: { data: { code: string } } } }[];
    expect(body[0]!.error.json.data.code).toBe("TOO_MANY_REQUESTS");
    // Another address is not affected.
    expect((await call(memberList(1), { from: freshAddress() })).status).toBe(401);
  });

  it("with TRUST_PROXY, counts the address the proxy appended to X-Forwarded-For", async () => {
    limits({ RATE_LIMIT_API_PER_IP: "1", TRUST_PROXY: "1" });
    const seen = freshAddress();
    const forwarded = (first: string) => ({ headers: { "x-forwarded-for": `${first}, ${seen}` } });
    expect((await call(memberList(1), forwarded("203.0.113.1"))).status).toBe(401);
    expect((await call(memberList(1), forwarded("203.0.113.2"))).status).toBe(429);
  });

  it("streams a response when the client asks for tRPC's streamed batch", async () => {
    const res = await call(memberList(2), { headers: { cookie, "trpc-accept": "application/jsonl" } });
    expect(res.status).toBe(200);
    expect(res.headers["transfer-encoding"]).toBe("chunked");
    expect(res.text).toContain(ws.members.coach.actor.email);
  });

  it("leaves to Next.js other methods and every path the route would not serve as it is", async () => {
    passedOn.length = 0;
    for (const [method, path] of [
      ["PUT", "/api/trpc/member.list"],
      ["HEAD", "/api/trpc/member.list"],
      ["OPTIONS", "/api/trpc/member.list"],
      ["GET", "/api/trpc"],
      ["GET", "/api/trpc/"],
      ["GET", "/api/trpc/member.list/"],
      ["GET", "/api/trpc/member/list"],
      ["GET", "/api/trpc/member%2Elist"],
      ["GET", "/api/trpcx/member.list"],
      ["GET", "//api/trpc/member.list"],
    ] as const) {
      await call(path, { method });
    }
    expect(passedOn).toEqual([
      "PUT /api/trpc/member.list",
      "HEAD /api/trpc/member.list",
      "OPTIONS /api/trpc/member.list",
      "GET /api/trpc",
      "GET /api/trpc/",
      "GET /api/trpc/member.list/",
      "GET /api/trpc/member/list",
      "GET /api/trpc/member%2Elist",
      "GET /api/trpcx/member.list",
      "GET //api/trpc/member.list",
    ]);
  });

  it("is installed under the name scripts/server.mjs looks up", async () => {
    installEarlyAnswers();
    expect((globalThis as Record<string, unknown>)[EARLY_ANSWER_KEY]).toBe(answerEarly);
    const { readFile } = await import("node:fs/promises");
    const script = await readFile(new URL("../../../scripts/server.mjs", import.meta.url), "utf8");
    expect(script).toContain(`const EARLY_ANSWER_KEY = "${EARLY_ANSWER_KEY}"`);
  });
});
