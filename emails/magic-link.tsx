import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./components/email-layout";

export interface MagicLinkEmailProps {
  url: string;
  host: string;
  expiresInMinutes: number;
}

export function magicLinkSubject(props: MagicLinkEmailProps): string {
  return `Your Loopwise sign-in link for ${props.host}`;
}

export default function MagicLinkEmail({ url, host, expiresInMinutes }: MagicLinkEmailProps) {
  return (
    <EmailLayout preview={`Sign in to Loopwise (link valid ${expiresInMinutes} minutes)`}>
      <Text style={emailStyles.heading}>Sign in to Loopwise</Text>
      <Text style={emailStyles.text}>
        Use the button below to sign in to {host}. The link works once and expires in {expiresInMinutes} minutes.
      </Text>
      <Button href={url} style={emailStyles.button}>
        Sign in
      </Button>
      <Text style={emailStyles.muted}>
        Or paste this address into your browser: <Link href={url}>{url}</Link>
      </Text>
      <Text style={emailStyles.muted}>
        If you did not ask to sign in, nobody can use this link without access to your inbox; you can ignore it.
      </Text>
    </EmailLayout>
  );
}

MagicLinkEmail.PreviewProps = {
  url: "http://localhost:3000/api/auth/callback/email?token=preview&email=olivia%40example.com",
  host: "localhost:3000",
  expiresInMinutes: 10,
} satisfies MagicLinkEmailProps;
