// Next.js's own copy of the `compression` middleware (its router applies it to every response it sends);
// src/server/api/early-endpoint.ts applies the same to the calls it answers before Next.js.
declare module "next/dist/compiled/compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export default function compression(): (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}
