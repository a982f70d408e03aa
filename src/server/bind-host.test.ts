// `npm start` (scripts/start.mjs) binds demo mode to the loopback interface unless HOST says otherwise.
import { describe, expect, it } from "vitest";
import { bindHost } from "../../scripts/bind-host.mjs";

describe("bindHost", () => {
  it.each([
    [{}, "127.0.0.1"],
    [{ LOOPWISE_DEMO: "1", DATABASE_URL: "postgresql://db/x" }, "127.0.0.1"],
    [{ LOOPWISE_DEMO: "off" }, undefined],
    [{ DATABASE_URL: "postgresql://db/x" }, undefined],
    [{ HOST: "0.0.0.0" }, "0.0.0.0"],
    [{ HOST: "::", DATABASE_URL: "postgresql://db/x" }, "::"],
    [{ HOST: " ", DATABASE_URL: "" }, "127.0.0.1"],
  ])("%j → %s", (env, expected) => {
    expect(bindHost(env)).toBe(expected);
  });
});
