import { describe, expect, it } from "vitest";
import { isPrivateAddress, webhookUrlProblem } from "./webhook-url";

describe("isPrivateAddress", () => {
  it.each([
    ["10.1.2.3", true],
    ["172.16.0.1", true],
    ["172.32.0.1", false],
    ["192.168.1.1", true],
    ["127.0.0.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["8.8.8.8", false],
    ["::1", true],
    ["[::1]", true],
    ["fd00::1", true],
    ["fe80::1", true],
    ["::ffff:10.0.0.1", true],
    ["::ffff:a00:1", true],
    ["::ffff:8.8.8.8", false],
    ["2606:4700::1111", false],
    ["example.com", false],
  ])("%s → %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe("webhookUrlProblem", () => {
  const prod = { production: true };
  const dev = { production: false };
  it("accepts public https URLs everywhere", () => {
    expect(webhookUrlProblem("https://hooks.example.com/loopwise", prod)).toBeNull();
    expect(webhookUrlProblem("https://hooks.slack.com/services/T/B/x", prod)).toBeNull();
  });
  it("refuses plain http, except to this machine outside production", () => {
    expect(webhookUrlProblem("http://hooks.example.com/x", prod)).toMatch(/https/);
    expect(webhookUrlProblem("http://hooks.example.com/x", dev)).toMatch(/https/);
    expect(webhookUrlProblem("http://127.0.0.1:4000/x", dev)).toBeNull();
    expect(webhookUrlProblem("http://localhost:4000/x", dev)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:4000/x", prod)).toMatch(/https/);
    expect(webhookUrlProblem("http://127.0.0.1:4000/x", { production: true, allowLoopback: true })).toBeNull();
  });
  it("refuses private-network targets in production, with a clear reason", () => {
    for (const url of [
      "https://10.0.0.5/x",
      "https://169.254.169.254/latest",
      "https://[::1]/x",
      "https://db.internal/x",
    ])
      expect(webhookUrlProblem(url, prod), url).toMatch(/private/);
    expect(webhookUrlProblem("https://10.0.0.5/x", dev)).toBeNull();
  });
  it("refuses what is not a URL, other schemes and credentials", () => {
    expect(webhookUrlProblem("not a url", prod)).toMatch(/full URL/);
    expect(webhookUrlProblem("ftp://example.com/x", prod)).toMatch(/https/);
    expect(webhookUrlProblem("https://user:pw@example.com/x", prod)).toMatch(/password/);
  });
});
