// Renders the react-email templates in emails/ to HTML and plain text. The rendered result is stored in
// the outbox, so a retry sends exactly the same message.
import { render, toPlainText } from "@react-email/render";
import InvitationEmail, { invitationSubject, type InvitationEmailProps } from "@emails/invitation";
import MagicLinkEmail, { magicLinkSubject, type MagicLinkEmailProps } from "@emails/magic-link";
import RoundReminderEmail, { roundReminderSubject, type RoundReminderEmailProps } from "@emails/round-reminder";
import RoundScheduledEmail, { roundScheduledSubject, type RoundScheduledEmailProps } from "@emails/round-scheduled";
import ReportReleasedEmail, { reportReleasedSubject, type ReportReleasedEmailProps } from "@emails/report-released";
import ScorecardReminderEmail, { scorecardReminderSubject, type ScorecardReminderEmailProps } from "@emails/scorecard-reminder";

export interface RenderedEmail {
  template: string;
  subject: string;
  html: string;
  text: string;
}

type Templates = {
  "magic-link": MagicLinkEmailProps;
  invitation: InvitationEmailProps;
  "round-scheduled": RoundScheduledEmailProps;
  "round-reminder": RoundReminderEmailProps;
  "scorecard-reminder": ScorecardReminderEmailProps;
  "report-released": ReportReleasedEmailProps;
};
export type TemplateName = keyof Templates;

export async function renderEmail<T extends TemplateName>(template: T, props: Templates[T]): Promise<RenderedEmail> {
  switch (template) {
    case "magic-link": {
      const p = props as MagicLinkEmailProps;
      return finish(template, magicLinkSubject(p), await render(MagicLinkEmail(p)));
    }
    case "invitation": {
      const p = props as InvitationEmailProps;
      return finish(template, invitationSubject(p), await render(InvitationEmail(p)));
    }
    case "round-scheduled": {
      const p = props as RoundScheduledEmailProps;
      return finish(template, roundScheduledSubject(p), await render(RoundScheduledEmail(p)));
    }
    case "round-reminder": {
      const p = props as RoundReminderEmailProps;
      return finish(template, roundReminderSubject(p), await render(RoundReminderEmail(p)));
    }
    case "scorecard-reminder": {
      const p = props as ScorecardReminderEmailProps;
      return finish(template, scorecardReminderSubject(p), await render(ScorecardReminderEmail(p)));
    }
    case "report-released": {
      const p = props as ReportReleasedEmailProps;
      return finish(template, reportReleasedSubject(p), await render(ReportReleasedEmail(p)));
    }
    default:
      throw new Error(`Unknown email template: ${String(template)}`);
  }
}

function finish(template: string, subject: string, html: string): RenderedEmail {
  return { template, subject, html, text: toPlainText(html) };
}
