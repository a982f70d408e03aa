import { describe, expect, it } from "vitest";
import { displayName } from "./people";

describe("displayName", () => {
  it("prefers the name, then the email, then the fallback", () => {
    expect(displayName({ name: "Dana Lee", email: "dana@x.test" })).toBe("Dana Lee");
    expect(displayName({ name: "  ", email: "dana@x.test" })).toBe("dana@x.test");
    expect(displayName({ name: null, email: null }, "Interviewer")).toBe("Interviewer");
    expect(displayName(null)).toBe("Member");
  });
});
