import { describe, expect, it } from "vitest";
import { Email, TimeZone } from "./common";
import { CreateWorkspaceInput, Slug } from "./workspace";

describe("shared schemas", () => {
  it("normalises email addresses", () => {
    expect(Email.parse("  Jane.Doe@Example.COM ")).toBe("jane.doe@example.com");
    expect(Email.safeParse("jane@").success).toBe(false);
  });
  it("accepts IANA time zones only", () => {
    expect(TimeZone.safeParse("Europe/Berlin").success).toBe(true);
    expect(TimeZone.safeParse("Mars/Olympus").error?.issues[0]?.message).toMatch(/Choose a time zone/);
  });
  it.each([
    ["acme", true],
    ["acme-prep-2", true],
    ["-acme", false],
    ["ac", false],
    ["Acme Prep", false],
  ])("slug %s valid=%s", (slug, ok) => {
    expect(Slug.safeParse(slug).success).toBe(ok);
  });
  it("gives a workspace a default time zone and a clear message for a short name", () => {
    expect(CreateWorkspaceInput.parse({ name: "Acme" }).timeZone).toBe("UTC");
    expect(CreateWorkspaceInput.safeParse({ name: "A" }).error?.issues[0]?.message).toBe(
      "A workspace name needs at least 2 characters",
    );
  });
});
