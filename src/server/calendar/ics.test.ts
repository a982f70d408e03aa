import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildRoundIcs } from "./ics";

const base = {
  uid: "round-abc@loopwise",
  start: new Date("2026-03-08T17:30:00Z"),
  end: new Date("2026-03-08T18:30:00Z"),
  title: "Coding round with Cara Nguyen",
  description: "Practice loop: coding",
  location: "https://meet.example/xyz",
  organizer: { name: "Loopwise", email: "no-reply@loopwise.local" },
  attendees: [
    { name: "Ivan Petrov", email: "ivan@example.test" },
    { name: "Cara Nguyen", email: "cara@example.test" },
  ],
};

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const event = cal.getFirstSubcomponent("vevent")!;
  return {
    method: cal.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    status: event.getFirstPropertyValue("status"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
    end: (event.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate(),
    attendees: event.getAllProperties("attendee").map((p) => String(p.getFirstValue())),
  };
}

describe("round ICS", () => {
  it("parses back with its UID, SEQUENCE, METHOD and UTC times", () => {
    const parsed = parse(buildRoundIcs({ ...base, sequence: 0, method: "REQUEST" }));
    expect(parsed).toMatchObject({ method: "REQUEST", uid: "round-abc@loopwise", sequence: 0, status: "CONFIRMED" });
    expect(parsed.start.toISOString()).toBe("2026-03-08T17:30:00.000Z");
    expect(parsed.end.toISOString()).toBe("2026-03-08T18:30:00.000Z");
    expect(parsed.attendees).toEqual(["mailto:ivan@example.test", "mailto:cara@example.test"]);
  });

  it("a reschedule keeps the UID and raises SEQUENCE; a cancel says METHOD:CANCEL", () => {
    const moved = parse(
      buildRoundIcs({
        ...base,
        start: new Date("2026-03-09T15:00:00Z"),
        end: new Date("2026-03-09T16:00:00Z"),
        sequence: 1,
        method: "REQUEST",
      }),
    );
    expect(moved).toMatchObject({ uid: base.uid, sequence: 1 });
    expect(moved.start.toISOString()).toBe("2026-03-09T15:00:00.000Z");
    const cancelled = parse(buildRoundIcs({ ...base, sequence: 2, method: "CANCEL" }));
    expect(cancelled).toMatchObject({ method: "CANCEL", uid: base.uid, sequence: 2, status: "CANCELLED" });
  });
});
