import { Button, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./components/email-layout";

export interface ScorecardReminderEmailProps {
  recipientName: string;
  roundName: string;
  daysOverdue: number;
  url: string;
}

export function scorecardReminderSubject(p: ScorecardReminderEmailProps): string {
  return p.daysOverdue === 0
    ? `Your ${p.roundName} scorecard is ready to fill`
    : `Reminder: your ${p.roundName} scorecard is still open`;
}

export default function ScorecardReminderEmail(p: ScorecardReminderEmailProps) {
  return (
    <EmailLayout preview={scorecardReminderSubject(p)}>
      <Text style={emailStyles.heading}>
        {p.daysOverdue === 0 ? "Fill your scorecard while it is fresh" : "Your scorecard is still open"}
      </Text>
      <Text style={emailStyles.text}>
        Hi {p.recipientName}, please submit your scorecard for the {p.roundName} round. Evidence written soon after the
        round is the most useful in the debrief
        {p.daysOverdue > 0 ? `; it has been open for ${p.daysOverdue} day${p.daysOverdue === 1 ? "" : "s"}` : ""}.
      </Text>
      <Button href={p.url} style={emailStyles.button}>
        Open scorecard
      </Button>
    </EmailLayout>
  );
}

ScorecardReminderEmail.PreviewProps = {
  recipientName: "Ivan",
  roundName: "Coding",
  daysOverdue: 1,
  url: "http://localhost:3000/w/demo/rounds/r1/scorecard",
} satisfies ScorecardReminderEmailProps;
