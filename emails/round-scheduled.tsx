import { Button, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./components/email-layout";

export interface RoundScheduledEmailProps {
  kind: "scheduled" | "rescheduled" | "cancelled";
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

const HEADINGS = { scheduled: "Round scheduled", rescheduled: "Round moved", cancelled: "Round cancelled" } as const;

export function roundScheduledSubject(p: RoundScheduledEmailProps): string {
  if (p.kind === "cancelled") return `Cancelled: ${p.roundName} (${p.workspaceName})`;
  return `${p.kind === "rescheduled" ? "Moved" : "Scheduled"}: ${p.roundName}, ${p.when}`;
}

export default function RoundScheduledEmail(p: RoundScheduledEmailProps) {
  return (
    <EmailLayout preview={roundScheduledSubject(p)}>
      <Text style={emailStyles.heading}>{HEADINGS[p.kind]}</Text>
      <Text style={emailStyles.text}>
        Hi {p.recipientName}, {p.kind === "cancelled" ? "this practice round is cancelled" : "here are the details of your practice round"} in {p.workspaceName}.
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
