import { Button, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./components/email-layout";

export interface RoundScheduledEmailProps {
  /** "updated": the time is unchanged but something else is (see `changes`), or a cancellation was undone. */
  kind: "scheduled" | "rescheduled" | "updated" | "cancelled";
  /** What changed, in plain words, for an update ("Video link: https://…"). */
  changes?: string[];
  /** Why the round was cancelled, when the coach gave a reason. */
  reason?: string;
  recipientName: string;
  roundName: string;
  workspaceName: string;
  /** Already formatted in the recipient's time zone, with the zone named. */
  when: string;
  durationMin: number;
  location: string;
  withWhom: string;
  url: string;
}

const HEADINGS = {
  scheduled: "Round scheduled",
  rescheduled: "Round moved",
  updated: "Round updated",
  cancelled: "Round cancelled",
} as const;
const PREFIX = { scheduled: "Scheduled", rescheduled: "Moved", updated: "Updated" } as const;

export function roundScheduledSubject(p: RoundScheduledEmailProps): string {
  if (p.kind === "cancelled") return `Cancelled: ${p.roundName} (${p.workspaceName})`;
  return `${PREFIX[p.kind]}: ${p.roundName}, ${p.when}`;
}

export default function RoundScheduledEmail(p: RoundScheduledEmailProps) {
  return (
    <EmailLayout preview={roundScheduledSubject(p)}>
      <Text style={emailStyles.heading}>{HEADINGS[p.kind]}</Text>
      <Text style={emailStyles.text}>
        Hi {p.recipientName},{" "}
        {p.kind === "cancelled" ? "this practice round is cancelled" : "here are the details of your practice round"} in{" "}
        {p.workspaceName}.
      </Text>
      <Text style={emailStyles.text}>
        <strong>{p.roundName}</strong> with {p.withWhom}
        <br />
        {p.kind === "cancelled" ? <s>{p.when}</s> : p.when} · {p.durationMin} minutes
        {p.location && p.kind !== "cancelled" ? (
          <>
            <br />
            Join: {p.location}
          </>
        ) : null}
      </Text>
      {p.kind === "updated" && p.changes?.length ? (
        <Text style={emailStyles.text}>
          What changed:
          {p.changes.map((c) => (
            <span key={c}>
              <br />– {c}
            </span>
          ))}
        </Text>
      ) : null}
      {p.kind === "cancelled" && p.reason ? <Text style={emailStyles.text}>Reason: {p.reason}</Text> : null}
      <Button href={p.url} style={emailStyles.button}>
        Open in Loopwise
      </Button>
      <Text style={emailStyles.muted}>The attached calendar file updates the event in your calendar.</Text>
    </EmailLayout>
  );
}

RoundScheduledEmail.PreviewProps = {
  kind: "scheduled",
  recipientName: "Ivan",
  roundName: "Coding",
  workspaceName: "Demo Interview Academy",
  when: "Tue, 8 Dec 2026, 17:00 CET",
  durationMin: 60,
  location: "https://meet.example/abc",
  withWhom: "Cara Nguyen",
  url: "http://localhost:3000/w/demo/agenda",
} satisfies RoundScheduledEmailProps;
