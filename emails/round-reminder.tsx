import { Button, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./components/email-layout";

export interface RoundReminderEmailProps {
  recipientName: string;
  roundName: string;
  when: string;
  startsIn: "24 hours" | "1 hour";
  location: string;
  url: string;
}

export function roundReminderSubject(p: RoundReminderEmailProps): string {
  return `In ${p.startsIn}: ${p.roundName}, ${p.when}`;
}

export default function RoundReminderEmail(p: RoundReminderEmailProps) {
  return (
    <EmailLayout preview={roundReminderSubject(p)}>
      <Text style={emailStyles.heading}>Your round starts in {p.startsIn}</Text>
      <Text style={emailStyles.text}>
        Hi {p.recipientName}, a reminder: <strong>{p.roundName}</strong> starts {p.when}.
        {p.location ? ` Join at ${p.location}.` : ""}
      </Text>
      <Button href={p.url} style={emailStyles.button}>
        Open in Loopwise
      </Button>
    </EmailLayout>
  );
}

RoundReminderEmail.PreviewProps = {
  recipientName: "Cara",
  roundName: "System design",
  when: "Tue, 8 Dec 2026, 09:00 PST",
  startsIn: "24 hours",
  location: "https://meet.example/abc",
  url: "http://localhost:3000/w/demo/schedule",
} satisfies RoundReminderEmailProps;
