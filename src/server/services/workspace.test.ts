import { describe, expect, it } from "vitest";
import { slugify } from "./workspace";

describe("slugify", () => {
  it.each([
    ["Acme Interview Prep", "acme-interview-prep"],
    ["Équipe Générale", "equipe-generale"],
    ["!!", "workspace-team"],
    ["AB", "ab-team"],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});
