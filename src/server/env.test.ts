import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "./env";

const tmp = () => mkdtempSync(path.join(tmpdir(), "loopwise-env-"));

describe("loadEnv", () => {
  it("zero configuration: embedded database, demo mode, a secret generated once and kept", () => {
    const dir = tmp();
    const first = loadEnv({ LOOPWISE_DATA_DIR: dir });
    expect(first.database).toEqual({ kind: "embedded", dataDir: dir });
    expect(first.demo).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, "secret"), "utf8")).toBe(first.secret);
    expect(loadEnv({ LOOPWISE_DATA_DIR: dir }).secret).toBe(first.secret);
  });

  it("a deployment (DATABASE_URL) without NEXTAUTH_SECRET refuses to boot and says why", () => {
    expect(() => loadEnv({ DATABASE_URL: "postgresql://db/loopwise" })).toThrow(EnvError);
    expect(() => loadEnv({ DATABASE_URL: "postgresql://db/loopwise" })).toThrow(/NEXTAUTH_SECRET is not set/);
  });

  it("a deployment has demo mode off unless switched on", () => {
    const base = { DATABASE_URL: "postgresql://db/loopwise", NEXTAUTH_SECRET: "s".repeat(32) };
    expect(loadEnv(base).demo).toBe(false);
    expect(loadEnv({ ...base, LOOPWISE_DEMO: "true" }).demo).toBe(true);
  });

  it("names each invalid variable", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://x", NEXTAUTH_SECRET: "short" })).toThrow(
      /DATABASE_URL[\s\S]*NEXTAUTH_SECRET/,
    );
  });

  it("derives the app URL from PORT unless NEXTAUTH_URL is given", () => {
    expect(loadEnv({ LOOPWISE_DATA_DIR: tmp(), PORT: "4123" }).appUrl).toBe("http://localhost:4123");
    expect(loadEnv({ LOOPWISE_DATA_DIR: tmp(), NEXTAUTH_URL: "https://lw.example.com/" }).appUrl).toBe(
      "https://lw.example.com",
    );
  });

  it("refuses an outbox claim that would run out before a send times out", () => {
    const base = { LOOPWISE_DATA_DIR: tmp(), EMAIL_SEND_TIMEOUT_MS: "15000" };
    expect(() => loadEnv({ ...base, OUTBOX_CLAIM_MS: "20000" })).toThrow(
      /OUTBOX_CLAIM_MS \(20000\) must be at least twice EMAIL_SEND_TIMEOUT_MS/,
    );
    expect(loadEnv({ ...base, OUTBOX_CLAIM_MS: "30000" }).OUTBOX_CLAIM_MS).toBe(30_000);
  });
});
