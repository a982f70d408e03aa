import { Button, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./components/email-layout";

export interface WebhookDisabledEmailProps {
  workspaceName: string;
  endpointUrl: string;
  failedDeliveries: number;
  lastError: string;
  url: string;
}

export function webhookDisabledSubject(p: WebhookDisabledEmailProps): string {
  return `A webhook of ${p.workspaceName} was turned off after repeated failures`;
}

export default function WebhookDisabledEmail(p: WebhookDisabledEmailProps) {
  return (
    <EmailLayout preview={webhookDisabledSubject(p)}>
      <Text style={emailStyles.heading}>A webhook was turned off</Text>
      <Text style={emailStyles.text}>
        Loopwise stopped sending events of {p.workspaceName} to <strong>{p.endpointUrl}</strong>: its last{" "}
        {p.failedDeliveries} deliveries failed every attempt. The last error was: {p.lastError}
      </Text>
      <Text style={emailStyles.text}>
        Events that happen while it is off wait for it. Fix the receiver, then turn the endpoint on again in the
        workspace&apos;s webhook settings; the delivery log shows each attempt.
      </Text>
      <Button href={p.url} style={emailStyles.button}>
        Open webhook settings
      </Button>
    </EmailLayout>
  );
}

WebhookDisabledEmail.PreviewProps = {
  workspaceName: "Demo Interview Academy",
  endpointUrl: "https://hooks.example.com/loopwise",
  failedDeliveries: 5,
  lastError: "The endpoint answered HTTP 500.",
  url: "http://localhost:3000/w/demo/settings/webhooks",
} satisfies WebhookDisabledEmailProps;
