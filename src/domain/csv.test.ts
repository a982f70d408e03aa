import { describe, expect, it } from "vitest";
import { csvField, encodeCsv } from "./csv";

describe("csv", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    // Spreadsheet formulas are written as text.
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1 555", "'+1 555"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tTab", "'\tTab"],
    ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
    ["a=b", "a=b"],
  ])("text %j is written %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    [3, "3"],
    [-0.25, "-0.25"],
    [Number.NaN, ""],
    [Number.POSITIVE_INFINITY, ""],
    [null, ""],
    [undefined, ""],
    [true, "true"],
  ])("value %j is written %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("writes a header and records, each ending with CRLF", () => {
    expect(
      encodeCsv(
        ["Interviewer", "Median hours"],
        [
          ["Ana, Lead", 2.5],
          ["=evil()", null],
        ],
      ),
    ).toBe('Interviewer,Median hours\r\n"Ana, Lead",2.5\r\n\'=evil(),\r\n');
    expect(encodeCsv(["Only"], [])).toBe("Only\r\n");
  });
});
