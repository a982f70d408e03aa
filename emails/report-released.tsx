import { Button, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./components/email-layout";

export interface ReportReleasedEmailProps {
  recipientName: string;
  workspaceName: string;
  revised: boolean;
  url: string;
}

export function reportReleasedSubject(p: ReportReleasedEmailProps): string {
  return p.revised
    ? `Your feedback from ${p.workspaceName} was updated`
    : `Your practice-loop feedback from ${p.workspaceName} is ready`;
}

export default function ReportReleasedEmail(p: ReportReleasedEmailProps) {
  return (
    <EmailLayout preview={reportReleasedSubject(p)}>
      <Text style={emailStyles.heading}>{p.revised ? "Your feedback was updated" : "Your feedback is ready"}</Text>
      <Text style={emailStyles.text}>
        Hi {p.recipientName}, your coach at {p.workspaceName} released the feedback from your practice loop: how you did
        per dimension, your strengths, what to work on, and a seven-day practice plan.
      </Text>
      <Button href={p.url} style={emailStyles.button}>
        Read your feedback
      </Button>
    </EmailLayout>
  );
}

ReportReleasedEmail.PreviewProps = {
  recipientName: "Cara",
  workspaceName: "Demo Interview Academy",
  revised: false,
  url: "http://localhost:3000/w/demo/reports/r1",
} satisfies ReportReleasedEmailProps;
