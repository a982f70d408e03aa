// Renders the react-email templates in emails/ to HTML and plain text. The rendered result is stored in
// the outbox, so a retry sends exactly the same message.
import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import InvitationEmail, { invitationSubject, type InvitationEmailProps } from "@emails/invitation";
import MagicLinkEmail, { magicLinkSubject, type MagicLinkEmailProps } from "@emails/magic-link";
import ReportReleasedEmail, { reportReleasedSubject, type ReportReleasedEmailProps } from "@emails/report-released";
import RoundReminderEmail, { roundReminderSubject, type RoundReminderEmailProps } from "@emails/round-reminder";
import RoundScheduledEmail, { roundScheduledSubject, type RoundScheduledEmailProps } from "@emails/round-scheduled";
import ScorecardReminderEmail, {
  scorecardReminderSubject,
  type ScorecardReminderEmailProps,
} from "@emails/scorecard-reminder";
import WebhookDisabledEmail, { webhookDisabledSubject, type WebhookDisabledEmailProps } from "@emails/webhook-disabled";

export interface RenderedEmail {
  template: string;
  subject: string;
  html: string;
  text: string;
}

type Template<P> = { component: (props: P) => ReactElement; subject: (props: P) => string };

const TEMPLATES = {
  "magic-link": { component: MagicLinkEmail, subject: magicLinkSubject } satisfies Template<MagicLinkEmailProps>,
  invitation: { component: InvitationEmail, subject: invitationSubject } satisfies Template<InvitationEmailProps>,
  "round-scheduled": {
    component: RoundScheduledEmail,
    subject: roundScheduledSubject,
  } satisfies Template<RoundScheduledEmailProps>,
  "round-reminder": {
    component: RoundReminderEmail,
    subject: roundReminderSubject,
  } satisfies Template<RoundReminderEmailProps>,
  "scorecard-reminder": {
    component: ScorecardReminderEmail,
    subject: scorecardReminderSubject,
  } satisfies Template<ScorecardReminderEmailProps>,
  "report-released": {
    component: ReportReleasedEmail,
    subject: reportReleasedSubject,
  } satisfies Template<ReportReleasedEmailProps>,
  "webhook-disabled": {
    component: WebhookDisabledEmail,
    subject: webhookDisabledSubject,
  } satisfies Template<WebhookDisabledEmailProps>,
};
export type TemplateName = keyof typeof TEMPLATES;
type PropsOf<T extends TemplateName> = Parameters<(typeof TEMPLATES)[T]["component"]>[0];

export async function renderEmail<T extends TemplateName>(template: T, props: PropsOf<T>): Promise<RenderedEmail> {
  const entry = TEMPLATES[template] as unknown as Template<PropsOf<T>> | undefined;
  if (!entry) throw new Error(`Unknown email template: ${String(template)}`);
  const html = await render(entry.component(props));
  return { template, subject: entry.subject(props), html, text: toPlainText(html) };
}

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

/** A template rendered with its sample props (`PreviewProps`, next to each template in emails/). */
export async function renderPreview(template: TemplateName): Promise<RenderedEmail> {
  const props = (TEMPLATES[template].component as { PreviewProps?: unknown }).PreviewProps;
  if (!props) throw new Error(`emails/${template}.tsx has no PreviewProps to preview it with.`);
  return renderEmail(template, props as PropsOf<typeof template>);
}
