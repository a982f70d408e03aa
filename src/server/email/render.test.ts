import { describe, expect, it } from "vitest";
import { renderEmail, renderPreview, TEMPLATE_NAMES } from "./render";

describe("email templates", () => {
  it("renders the magic link with HTML and a plain-text version that both carry the link", async () => {
    const url = "http://localhost:3000/api/auth/callback/email?token=abc123&email=a%40b.test";
    const mail = await renderEmail("magic-link", { url, host: "localhost:3000", expiresInMinutes: 10 });
    expect(mail.subject).toBe("Your Loopwise sign-in link for localhost:3000");
    expect(mail.html).toContain(
      'href="http://localhost:3000/api/auth/callback/email?token=abc123&amp;email=a%40b.test"',
    );
    expect(mail.text).toContain(url);
    expect(mail.text).toContain("10 minutes");
    expect(mail.text).not.toMatch(/<[a-z]/i);
  });

  it("renders the invitation with workspace, role and accept link", async () => {
    const mail = await renderEmail("invitation", {
      workspaceName: "Acme <Prep>",
      inviterName: "Olivia",
      roleLabel: "Interviewer",
      roleDescription: "Fills scorecards.",
      acceptUrl: "http://localhost:3000/invite/tok",
      expiresOn: "6 December 2026",
    });
    expect(mail.subject).toBe("Olivia invited you to Acme <Prep> on Loopwise");
    // Names are escaped in HTML.
    expect(mail.html).toContain("Acme &lt;Prep&gt;");
    expect(mail.text).toContain("http://localhost:3000/invite/tok");
    expect(mail.text).toContain("Interviewer");
  });

  it("every template has sample props and renders them, so `npm run email:preview` shows each one", async () => {
    expect(TEMPLATE_NAMES.length).toBeGreaterThanOrEqual(6);
    for (const name of TEMPLATE_NAMES) {
      const mail = await renderPreview(name);
      expect(mail.subject.length, name).toBeGreaterThan(5);
      expect(mail.html, name).toContain("<html");
      expect(mail.text.trim().length, name).toBeGreaterThan(20);
    }
  });
});
