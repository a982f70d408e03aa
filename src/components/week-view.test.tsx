import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ViewerZoneProvider } from "./time";
import { WeekView, type WeekEvent } from "./week-view";

/** The markup of each day column of the grid, Monday first. */
function dayColumns(html: string): { date: string; html: string }[] {
  const parts = html.split('role="gridcell"').slice(1);
  return parts.map((part) => ({ date: part.match(/data-date="([^"]+)"/)?.[1] ?? "", html: part }));
}

function render(zone: string, events: WeekEvent[], initialWeek: Date) {
  return renderToStaticMarkup(
    <ViewerZoneProvider zone={zone}>
      <WeekView events={events} initialWeek={initialWeek} label="Agenda" />
    </ViewerZoneProvider>,
  );
}

/** The `top` (px) of the event block with `id` in the grid (the phone list has no position). */
function topOf(html: string, id: string): number {
  const tags = html.match(new RegExp(`<(?:a|div)\\b[^>]*data-event-id="${id}"[^>]*>`, "g")) ?? [];
  const inGrid = tags.find((t) => t.includes("data-day="));
  return Number(inGrid?.match(/top:(\d+(?:\.\d+)?)(?:px)?[;"]/)?.[1]);
}

describe("WeekView", () => {
  // The unit project runs in America/New_York; these tests move the process to Tokyo so a placement by the
  // process's clock (Date#getHours) would land on another day and hour.
  const processZone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = "Asia/Tokyo";
  });
  afterEach(() => {
    process.env.TZ = processZone;
  });

  it("places an event at 2026-12-07T14:00Z in the Monday column at 9:00 AM EST for a New York viewer", () => {
    expect(new Date("2026-12-07T14:00:00Z").getHours()).toBe(23); // the process really is elsewhere
    const html = render(
      "America/New_York",
      [
        {
          id: "r1",
          start: "2026-12-07T14:00:00Z",
          end: "2026-12-07T15:00:00Z",
          title: "Coding",
          subtitle: "Ada",
          href: "/x",
        },
      ],
      new Date("2026-12-09T12:00:00Z"),
    );
    const days = dayColumns(html);
    expect(days.map((d) => d.date)).toEqual([
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
      "2026-12-10",
      "2026-12-11",
      "2026-12-12",
      "2026-12-13",
    ]);
    expect(days[0]!.html).toContain('data-event-id="r1"');
    expect(days.slice(1).some((d) => d.html.includes('data-event-id="r1"'))).toBe(false);
    expect(html).toContain('aria-label="Coding, Mon, Dec 7, 2026, 9:00 AM EST – 10:00 AM EST, Ada"');
    expect(html).toContain("9:00 AM EST");
    // 9:00 is two hours below the grid's first hour (07:00), at 52 px an hour.
    expect(topOf(html, "r1")).toBe(104);
    expect(html).toContain('role="columnheader"');
    expect(html).toContain("Dec 7 – 13, 2026");
  });

  it("places by the viewer's wall clock across a daylight-saving change", () => {
    // New York moves to EDT on Sunday 2026-03-08. 13:00Z is 8:00 AM EST on the Saturday, 9:00 AM EDT on the Monday after.
    const events: WeekEvent[] = [
      { id: "before", start: "2026-03-07T13:00:00Z", end: "2026-03-07T14:00:00Z", title: "Before" },
      { id: "after", start: "2026-03-09T13:00:00Z", end: "2026-03-09T14:00:00Z", title: "After" },
    ];
    const week1 = render("America/New_York", events, new Date("2026-03-04T12:00:00Z"));
    const sat = dayColumns(week1)[5]!;
    expect(sat.date).toBe("2026-03-07");
    expect(sat.html).toContain('data-event-id="before"');
    expect(week1).toContain("Before, Sat, Mar 7, 2026, 8:00 AM EST – 9:00 AM EST");
    expect(topOf(week1, "before")).toBe(52);
    expect(week1).not.toContain('data-event-id="after"');

    const week2 = render("America/New_York", events, new Date("2026-03-09T13:00:00Z"));
    const mon = dayColumns(week2)[0]!;
    expect(mon.date).toBe("2026-03-09");
    expect(mon.html).toContain('data-event-id="after"');
    expect(week2).toContain("After, Mon, Mar 9, 2026, 9:00 AM EDT – 10:00 AM EDT");
    expect(topOf(week2, "after")).toBe(104);
  });

  it("puts the same instant on another day for a viewer on the other side of the date line, and widens the hours to fit", () => {
    // 2026-12-07T14:00Z is 3:00 AM on Tuesday in Auckland (NZDT), before the default 07:00 start.
    const html = render(
      "Pacific/Auckland",
      [{ id: "r1", start: "2026-12-07T14:00:00Z", end: "2026-12-07T15:00:00Z", title: "Coding" }],
      new Date("2026-12-07T14:00:00Z"),
    );
    const days = dayColumns(html);
    expect(days[1]!.date).toBe("2026-12-08");
    expect(days[1]!.html).toContain('data-event-id="r1"');
    expect(html).toContain("Coding, Tue, Dec 8, 2026, 3:00 AM GMT+13 – 4:00 AM GMT+13");
    expect(html).toContain('data-hour="3"');
    expect(topOf(html, "r1")).toBe(0);
  });
});
