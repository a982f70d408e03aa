import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./e2e/chromium.mjs";

const PORT = Number(process.env.E2E_PORT ?? 3211);
export const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Whole journeys (a coach, an interviewer and a candidate in one test) on a 2-core machine: a generous cap
  // that only catches a hang; each step has its own expect timeout.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    // Browsers run in a zone that is neither the server's (Australia/Sydney, e2e/serve.mjs) nor UTC, so a
    // time rendered in the wrong zone shows.
    timezoneId: "Asia/Tokyo",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // A production build against its own database on the real PostgreSQL server.
    command: "node e2e/serve.mjs",
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT) },
  },
});
