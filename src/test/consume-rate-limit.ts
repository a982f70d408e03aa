// Run as its own process by rate-limit.int.test.ts (`tsx`): counts `points` calls against one key on the
// store the environment selects, and prints the verdicts as JSON. Two of these are two app processes.
import { getEnv } from "@/server/env";
import { RateLimits, rateLimitRules, storeFromEnv } from "@/server/rate-limit";

const [key = "", calls = "1"] = process.argv.slice(2);
const env = getEnv();
const store = storeFromEnv(env);
const limits = new RateLimits(store, rateLimitRules(env));
const verdicts = [];
for (let i = 0; i < Number(calls); i++) verdicts.push(await limits.consume("apiPerUser", key));
console.log(JSON.stringify(verdicts));
if (store.kind === "redis") store.client.disconnect();
if (store.kind === "postgres" && "end" in store.client) await (store.client as { end(): Promise<void> }).end();
process.exit(0);
