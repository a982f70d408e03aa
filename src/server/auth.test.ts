import { afterEach, describe, expect, it } from "vitest";
import { oauthProviders } from "./auth";
import { resetEnvForTests } from "./env";

const KEYS = [
  "GITHUB_ID",
  "GITHUB_SECRET",
  "GOOGLE_CLIENT_ID",
  "GOOGLE_CLIENT_SECRET",
  "AZURE_AD_CLIENT_ID",
  "AZURE_AD_CLIENT_SECRET",
  "AZURE_AD_TENANT_ID",
];

afterEach(() => {
  for (const key of KEYS) delete process.env[key];
  resetEnvForTests();
});

function withEnv(values: Record<string, string>) {
  Object.assign(process.env, { LOOPWISE_DATA_DIR: "/tmp/loopwise-auth-test" }, values);
  resetEnvForTests();
}

describe("OAuth providers", () => {
  it("are off when their variables are absent", () => {
    withEnv({});
    expect(oauthProviders()).toEqual([]);
  });

  it("switch on one by one with complete credentials", () => {
    withEnv({
      GITHUB_ID: "gh",
      GITHUB_SECRET: "ghs",
      GOOGLE_CLIENT_ID: "g",
      AZURE_AD_CLIENT_ID: "a",
      AZURE_AD_CLIENT_SECRET: "as",
      AZURE_AD_TENANT_ID: "t",
    });
    // Google lacks its secret, so it stays off.
    expect(oauthProviders().map((p) => [p.id, p.name])).toEqual([
      ["github", "GitHub"],
      ["azure-ad", "Microsoft Entra ID"],
    ]);
  });
});
