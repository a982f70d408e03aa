import "server-only";
import { getEnv } from "@/server/env";

/** The server's TRPC_MAX_BATCH_SIZE, for the browser's tRPC client: a larger batch would be refused. */
export function maxBatchSize(): number {
  return getEnv().TRPC_MAX_BATCH_SIZE;
}
