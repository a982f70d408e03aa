import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./errors";

describe("fieldErrorsOf", () => {
  it.each([
    [
      "zod's messages, the first per field",
      { data: { fieldErrors: { email: ["Bad", "Worse"], name: [] } } },
      { email: "Bad", name: undefined },
    ],
    [
      "a service's field (the formatter's fieldErrors win)",
      { message: "Taken", data: { field: "email", fieldErrors: { email: ["Taken"] } } },
      { email: "Taken" },
    ],
    [
      "a field without fieldErrors: the message goes there",
      { message: "Taken", data: { field: "slug", fieldErrors: null } },
      { slug: "Taken" },
    ],
    ["no field", { message: "Busy", data: { field: null, fieldErrors: null } }, {}],
    ["not a tRPC error", new Error("offline"), {}],
    ["nothing", null, {}],
  ])("%s", (_label, err, expected) => {
    expect(fieldErrorsOf(err)).toEqual(expected);
  });
});
