// A local HTTP server that stands in for the Resend API (POST /emails). Each request is recorded with its
// Idempotency-Key; `behave` decides per request whether to answer 200, 500, 429 or hang.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeBehaviour = "ok" | "500" | "429" | "hang" | "422";

export interface FakeRequest {
  key: string | null;
  attempt: number;
  behaviour: FakeBehaviour;
  body: { to?: string | string[]; subject?: string };
}

export async function startFakeResend(behave: (key: string | null, attempt: number) => FakeBehaviour) {
  const requests: FakeRequest[] = [];
  const attempts = new Map<string | null, number>();
  const delivered = new Map<string, string>();
  const hanging = new Set<ServerResponse>();
  // A request listener returns nothing to node: the handler runs on its own.
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || req.url !== "/emails") {
      res.writeHead(404).end();
      return;
    }
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const behaviour = behave(key, attempt);
    requests.push({ key, attempt, behaviour, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    switch (behaviour) {
      case "ok": {
        // Like Resend: the same key answers with the same id.
        const id = (key && delivered.get(key)) ?? `fake_${requests.length}`;
        if (key) delivered.set(key, id);
        return json(200, { id });
      }
      case "500":
        return json(500, { statusCode: 500, name: "internal_server_error", message: "Fake outage" });
      case "429":
        return json(
          429,
          { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
          { "retry-after": "2" },
        );
      case "422":
        return json(422, { statusCode: 422, name: "validation_error", message: "Invalid `to` field" });
      case "hang":
        hanging.add(res);
        return;
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Keys that the fake accepted (answered 200) at least once. */
    deliveredKeys: () => new Set(delivered.keys()),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
