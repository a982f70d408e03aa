import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

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
