// A webhook receiver for tests: a local HTTP server that records every request (headers and body) and
// answers as `behave` says for that webhook-id's nth attempt: 200, 500, a 500 with a long body, or hang
// (never answer). The body of an answer is the behaviour's name (the long one: LONG_ANSWER).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceiverBehaviour = "ok" | "500" | "long500" | "hang";

/** The body of a "long500" answer: 3,000 characters, more than an attempt keeps. */
export const LONG_ANSWER = "é".repeat(10) + "x".repeat(2990);

export interface ReceivedRequest {
  id: string | null;
  attempt: number;
  behaviour: ReceiverBehaviour;
  headers: IncomingMessage["headers"];
  body: string;
}

export async function startReceiver(
  behave: (id: string | null, attempt: number) => ReceiverBehaviour = () => "ok",
  options: { delayMs?: number } = {},
) {
  const requests: ReceivedRequest[] = [];
  const attempts = new Map<string | null, number>();
  const hanging = new Set<ServerResponse>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const id = (req.headers["webhook-id"] as string | undefined) ?? null;
    const attempt = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, attempt);
    const behaviour = behave(id, attempt);
    requests.push({ id, attempt, behaviour, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    if (behaviour === "hang") {
      hanging.add(res);
      return;
    }
    res
      .writeHead(behaviour === "ok" ? 200 : 500, { "content-type": "text/plain; charset=utf-8" })
      .end(behaviour === "long500" ? LONG_ANSWER : behaviour);
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    /** Webhook ids answered 200, with how many times each. */
    succeeded() {
      const counts = new Map<string | null, number>();
      for (const r of requests) if (r.behaviour === "ok") counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
      return counts;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
