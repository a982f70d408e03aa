import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LocalTime } from "./time";

describe("LocalTime", () => {
  it("renders the instant with its time zone named, in the viewer's zone (TZ of this run)", () => {
    const html = renderToStaticMarkup(<LocalTime value="2026-03-08T07:30:00Z" />);
    expect(html).toContain('dateTime="2026-03-08T07:30:00.000Z"');
    // Unit tests run with TZ=America/New_York, where clocks jump at 07:00 UTC on 8 March 2026.
    expect(html).toMatch(/Mar 8, 2026, 3:30\sAM EDT/);
    expect(renderToStaticMarkup(<LocalTime value="2026-03-08T06:30:00Z" />)).toMatch(/Mar 8, 2026, 1:30\sAM EST/);
    expect(renderToStaticMarkup(<LocalTime value={new Date("2026-07-01T12:00:00Z")} style="short" />)).toMatch(/Jul 1, 8:00\sAM EDT/);
  });
});
