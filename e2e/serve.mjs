// The app under end-to-end test: a fresh database on the PostgreSQL server, the production build,
// demo mode switched on explicitly (for the dev mailbox), and a fast outbox poll.
import { spawn } from "node:child_process";
import path from "node:path";
import { recreateDatabase } from "../scripts/test-database.mjs";

const port = process.env.E2E_PORT ?? "3211";
const databaseUrl = await recreateDatabase("loopwise_e2e");
const root = path.resolve(import.meta.dirname, "..");
// The production server that `npm start` runs (Next.js behind scripts/server.mjs), on every interface.
const child = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: port,
    // Not the browsers' zone (Asia/Tokyo) nor a user's: no page may render in it.
    TZ: "Australia/Sydney",
    DATABASE_URL: databaseUrl,
    LOOPWISE_DEMO: "1",
    NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789",
    NEXTAUTH_URL: `http://localhost:${port}`,
    OUTBOX_POLL_MS: "200",
    // webhooks.spec.ts receives on 127.0.0.1 (a production build refuses loopback targets otherwise).
    WEBHOOKS_ALLOW_LOOPBACK: "1",
    // Every journey signs people in from 127.0.0.1; the per-address limit stays at its default.
    RATE_LIMIT_SIGN_IN_PER_IP: "1000",
    RESEND_API_KEY: "",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
