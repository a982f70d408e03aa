import { describe, expect, it } from "vitest";
import { acceptRequestId } from "./request-id";

const fresh = () => "fresh-id";

describe("acceptRequestId", () => {
  it.each([
    ["lb-1234.abc_DEF", "lb-1234.abc_DEF"],
    ["a".repeat(64), "a".repeat(64)],
    ["a".repeat(65), "fresh-id"],
    ["", "fresh-id"],
    [null, "fresh-id"],
    ["id\r\nset-cookie: x=1", "fresh-id"],
    ["<script>alert(1)</script>", "fresh-id"],
    ["has space", "fresh-id"],
    ["quote request id 1; please", "fresh-id"],
    ["ünïcode", "fresh-id"],
  ])("%s → %s", (input, expected) => {
    expect(acceptRequestId(input, fresh)).toBe(expected);
  });
});
