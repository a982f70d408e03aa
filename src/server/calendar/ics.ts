// Calendar invitations (RFC 5545) made with the `ics` library: one stable UID per round, SEQUENCE raised
// on every reschedule, METHOD:CANCEL when a round is cancelled, so calendars update the same event.
import { createEvent, type EventAttributes } from "ics";

export interface RoundInvite {
  uid: string;
  sequence: number;
  method: "REQUEST" | "CANCEL";
  start: Date;
  end: Date;
  title: string;
  description: string;
  location: string;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
}

export function buildRoundIcs(invite: RoundInvite): string {
  const event: EventAttributes = {
    uid: invite.uid,
    sequence: invite.sequence,
    method: invite.method,
    status: invite.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    start: invite.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: invite.end.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: invite.title,
    description: invite.description,
    location: invite.location || undefined,
    organizer: invite.organizer,
    attendees: invite.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      rsvp: true,
      role: "REQ-PARTICIPANT",
      partstat: "NEEDS-ACTION",
    })),
    productId: "loopwise/ics",
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw new Error(`Could not build the calendar file: ${error?.message ?? "unknown error"}`);
  return value;
}
