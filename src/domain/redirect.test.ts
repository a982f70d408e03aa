import { describe, expect, it } from "vitest";
import { safeRedirect, safeRedirectPath } from "./redirect";

const base = "http://localhost:3000";

describe("safeRedirect", () => {
  it.each([
    ["https://evil.example", `${base}/w`],
    ["//evil.example", `${base}/w`],
    ["/\\evil.example", `${base}/w`],
    ["\\\\evil.example", `${base}/w`],
    ["javascript:alert(1)", `${base}/w`],
    [" //evil.example/path", `${base}/w`],
    ["http://localhost:3000.evil.example/", `${base}/w`],
    ["/w/acme/members", `${base}/w/acme/members`],
    [`${base}/invite/abc`, `${base}/invite/abc`],
    [undefined, `${base}/w`],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirect(input, base)).toBe(expected);
  });
});

describe("safeRedirectPath", () => {
  it.each([
    // Dot segments that normalise to a protocol-relative path.
    ["/.//evil.example", "/w"],
    ["/w/../..//evil.example", "/w"],
    ["/./\\evil.example", "/w"],
    [`${base}/.//evil.example`, "/w"],
    ["/%2e//evil.example", "/w"],
    ["/w/./acme/../acme/members?tab=1#x", "/w/acme/members?tab=1#x"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["https://evil.example/w", "/w"],
    ["/w\tx", "/w"],
    ["", "/w"],
  ])("%s → %s", (input, expected) => {
    const path = safeRedirectPath(input, base);
    expect(path).toBe(expected);
    expect(path).toMatch(/^\/(?![/\\])/);
  });
});
