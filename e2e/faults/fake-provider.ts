// A Resend stand-in for the fault-at-scale test. Several worker processes talk to it at once, each under
// its own path prefix (RESEND_BASE_URL=http://host:port/<tag>), so every request is traced to the process
// that sent it. The fault of each request is decided by a seeded hash of (message, attempt), so a run
// injects the same faults whatever order the workers' requests arrive in.
//
// Like Resend, a request with an idempotency key that was already accepted is answered with the first
// response and sends nothing ("replay"); a request whose key is still being answered gets 409.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export type Fault = "500" | "429" | "hang";
export type Behaviour = Fault | "ok";

export interface FaultRates {
  "500": number;
  "429": number;
  hang: number;
}

/** What the fake does with a request it is about to answer; lets the test kill its sender there. */
export type Intercept = (request: {
  tag: string;
  key: string;
  message: number;
  behaviour: Behaviour;
}) => "answer" | "kill-before-answer";

export interface ProviderStats {
  requests: number;
  injected: Record<Fault, number>;
  accepted: number;
  /** Requests for a key already accepted: answered with the first response, nothing sent again. */
  replays: number;
  /** Requests for a key while another request with that key was still open (two senders at once). */
  concurrent: number;
  /** Same key, different message: Resend answers 409 invalid_idempotent_request. */
  mismatched: number;
  /** Requests with no idempotency key, or for a message the test did not enqueue. */
  malformed: number;
}

/** FNV-1a, then a round of xorshift-multiply: a stable uniform number in [0, 1) for a string. */
export function seededUniform(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

export function decideBehaviour(
  seed: number,
  message: number,
  attempt: number,
  rates: FaultRates,
  maxFaultsPerMessage: number,
): Behaviour {
  // Beyond this many faults a message goes through: a run must not dead-letter a message by chance.
  if (attempt > maxFaultsPerMessage) return "ok";
  const u = seededUniform(`${seed}:${message}:${attempt}`);
  if (u < rates["500"]) return "500";
  if (u < rates["500"] + rates["429"]) return "429";
  if (u < rates["500"] + rates["429"] + rates.hang) return "hang";
  return "ok";
}

interface KeyState {
  message: number;
  attempts: number;
  open: number;
  accepted?: { id: string; tag: string; subject: string; at: number };
  replays: number;
}

export async function startFaultyProvider(options: {
  port: number;
  seed: number;
  rates: FaultRates;
  maxFaultsPerMessage: number;
  retryAfterSeconds: number;
  /** The message number of an address, or null for an address the test did not send. */
  messageOf: (to: string) => number | null;
  intercept?: Intercept;
}) {
  const keys = new Map<string, KeyState>();
  const stats: ProviderStats = {
    requests: 0,
    injected: { "500": 0, "429": 0, hang: 0 },
    accepted: 0,
    replays: 0,
    concurrent: 0,
    mismatched: 0,
    malformed: 0,
  };
  const held = new Set<ServerResponse>();
  let nextId = 1;

  // A request listener returns nothing to node: the handler runs on its own.
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    const route = /^\/([\w.-]+)\/emails$/.exec(req.url ?? "");
    if (req.method !== "POST" || !route)
      return json(404, { statusCode: 404, name: "not_found", message: "Unknown route" });
    const tag = route[1]!;
    stats.requests++;
    const key = req.headers["idempotency-key"];
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { to?: string | string[]; subject?: string };
    const to = Array.isArray(body.to) ? body.to[0] : body.to;
    const message = to ? options.messageOf(to) : null;
    if (typeof key !== "string" || message === null) {
      stats.malformed++;
      return json(422, {
        statusCode: 422,
        name: "validation_error",
        message: "Missing idempotency key or unknown recipient",
      });
    }
    let state = keys.get(key);
    if (!state) keys.set(key, (state = { message, attempts: 0, open: 0, replays: 0 }));
    if (state.message !== message || (state.accepted && state.accepted.subject !== body.subject)) {
      stats.mismatched++;
      return json(409, {
        statusCode: 409,
        name: "invalid_idempotent_request",
        message: "Same idempotency key, different payload",
      });
    }
    if (state.open > 0) {
      stats.concurrent++;
      return json(409, {
        statusCode: 409,
        name: "concurrent_idempotent_requests",
        message: "Same idempotency key still in progress",
      });
    }
    if (state.accepted) {
      stats.replays++;
      state.replays++;
      return json(200, { id: state.accepted.id });
    }
    state.open++;
    res.once("close", () => state.open--);
    state.attempts++;
    const behaviour = decideBehaviour(
      options.seed,
      message,
      state.attempts,
      options.rates,
      options.maxFaultsPerMessage,
    );
    const plan = options.intercept?.({ tag, key, message, behaviour }) ?? "answer";
    if (behaviour === "ok") {
      // Accepted before the answer leaves: if the sender dies now, the provider has the message anyway.
      state.accepted = { id: `fake_${nextId++}`, tag, subject: body.subject ?? "", at: Date.now() };
      stats.accepted++;
    } else {
      stats.injected[behaviour]++;
    }
    if (plan === "kill-before-answer" || behaviour === "hang") {
      // Never answered: the sender's timeout (or its death) closes the connection.
      held.add(res);
      res.once("close", () => held.delete(res));
      return;
    }
    if (behaviour === "ok") return json(200, { id: state.accepted!.id });
    if (behaviour === "500")
      return json(500, { statusCode: 500, name: "internal_server_error", message: "Injected outage" });
    return json(
      429,
      { statusCode: 429, name: "rate_limit_exceeded", message: "Injected rate limit" },
      { "retry-after": String(options.retryAfterSeconds) },
    );
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    stats,
    keys: keys as ReadonlyMap<string, Readonly<KeyState>>,
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
