import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LocalTime, ViewerZoneProvider } from "./time";

describe("LocalTime", () => {
  it("renders the instant in the viewer's zone from the provider, not the zone of the process (America/New_York here)", () => {
    const html = renderToStaticMarkup(
      <ViewerZoneProvider zone="Asia/Tokyo">
        <LocalTime value="2026-03-08T07:30:00Z" />
      </ViewerZoneProvider>,
    );
    expect(html).toContain('dateTime="2026-03-08T07:30:00.000Z"');
    expect(html).toContain("Mar 8, 2026, 4:30 PM GMT+9");
    expect(
      renderToStaticMarkup(
        <ViewerZoneProvider zone="America/Los_Angeles">
          <LocalTime value={new Date("2026-07-01T12:00:00Z")} style="short" />
        </ViewerZoneProvider>,
      ),
    ).toContain("Jul 1, 5:00 AM PDT");
  });

  it("falls back to UTC, named, outside any provider", () => {
    expect(renderToStaticMarkup(<LocalTime value="2026-03-08T06:30:00Z" />)).toContain("Mar 8, 2026, 6:30 AM UTC");
  });
});
