import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./components/email-layout";

export interface InvitationEmailProps {
  workspaceName: string;
  inviterName: string;
  roleLabel: string;
  roleDescription: string;
  acceptUrl: string;
  expiresOn: string;
}

export function invitationSubject(props: InvitationEmailProps): string {
  return `${props.inviterName} invited you to ${props.workspaceName} on Loopwise`;
}

export default function InvitationEmail(props: InvitationEmailProps) {
  return (
    <EmailLayout preview={`Join ${props.workspaceName} as ${props.roleLabel.toLowerCase()}`}>
      <Text style={emailStyles.heading}>You are invited to {props.workspaceName}</Text>
      <Text style={emailStyles.text}>
        {props.inviterName} invited you to join <strong>{props.workspaceName}</strong> on Loopwise as{" "}
        <strong>{props.roleLabel}</strong>. {props.roleDescription}
      </Text>
      <Button href={props.acceptUrl} style={emailStyles.button}>
        Accept invitation
      </Button>
      <Text style={emailStyles.muted}>
        The invitation is valid until {props.expiresOn} and only for this email address. Link:{" "}
        <Link href={props.acceptUrl}>{props.acceptUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  workspaceName: "Acme Interview Prep",
  inviterName: "Olivia Owner",
  roleLabel: "Interviewer",
  roleDescription: "Interviewers see their assigned rounds and fill scorecards.",
  acceptUrl: "http://localhost:3000/invite/preview-token",
  expiresOn: "6 December 2026",
} satisfies InvitationEmailProps;
