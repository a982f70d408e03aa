import path from "node:path";
import { defineConfig } from "vitest/config";
import { testDatabaseUrl } from "./scripts/test-database.mjs";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  "@emails": path.resolve(import.meta.dirname, "emails"),
  "@seed": path.resolve(import.meta.dirname, "prisma/seed"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.{ts,tsx}", "emails/**/*.test.{ts,tsx}"],
          exclude: ["src/**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          // A non-UTC zone with daylight saving, so time-zone bugs fail here.
          env: { NODE_ENV: "test", TZ: "America/New_York" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["src/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["src/test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: {
            NODE_ENV: "test",
            TZ: "Asia/Kolkata",
            DATABASE_URL: testDatabaseUrl("loopwise_test"),
            NEXTAUTH_SECRET: "integration-tests-secret-0123456789",
            NEXTAUTH_URL: "http://localhost:3999",
            LOOPWISE_DEMO: "0",
          },
        },
      },
    ],
  },
});
