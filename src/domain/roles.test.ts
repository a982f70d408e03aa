import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, wouldLeaveNoOwner } from "./roles";

describe("permissions", () => {
  it.each([
    ["owner", "member.manage", true],
    ["coach", "member.manage", false],
    ["interviewer", "member.list", true],
    ["candidate", "member.list", false],
    ["candidate", "workspace.read", true],
    ["coach", "audit.read", false],
  ] as const)("%s → %s = %s", (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it("owners hold every permission except reading a candidate's own feedback", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(`${permission}: ${can("owner", permission)}`).toBe(`${permission}: ${permission !== "report.own"}`);
    }
  });
  it("candidates reach only their own things", () => {
    const granted = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => can("candidate", p));
    expect(granted.sort()).toEqual(["report.own", "schedule.self", "workspace.read"]);
  });

  it("every permission names only known roles", () => {
    for (const roles of Object.values(PERMISSIONS)) {
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });
});

describe("wouldLeaveNoOwner", () => {
  it.each([
    ["owner", "coach", 1, true],
    ["owner", null, 1, true],
    ["owner", "coach", 2, false],
    ["owner", "owner", 1, false],
    ["coach", null, 1, false],
    ["candidate", "owner", 0, false],
  ] as const)("%s → %s with %i owners: %s", (role, next, owners, expected) => {
    expect(wouldLeaveNoOwner(role, next, owners)).toBe(expected);
  });
});
