import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const colors = { ink: "#0f172a", muted: "#475569", brand: "#4f46e5", bg: "#f8fafc" };

export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: colors.bg,
          fontFamily: "-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif",
          margin: 0,
          padding: "24px 0",
        }}
      >
        <Container
          style={{
            backgroundColor: "#ffffff",
            borderRadius: 8,
            padding: "32px",
            maxWidth: 520,
            border: "1px solid #e2e8f0",
          }}
        >
          <Text style={{ color: colors.brand, fontWeight: 700, fontSize: 18, margin: "0 0 16px" }}>Loopwise</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0 12px" }} />
          <Text style={{ color: colors.muted, fontSize: 12, margin: 0 }}>
            Loopwise runs practice interview loops and calibrated debriefs. You received this message because of an
            action in Loopwise; if it was not expected, you can ignore it.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const emailStyles = {
  heading: { color: colors.ink, fontSize: 20, fontWeight: 600, margin: "0 0 12px" },
  text: { color: colors.ink, fontSize: 15, lineHeight: "24px", margin: "0 0 12px" },
  muted: { color: colors.muted, fontSize: 13, lineHeight: "20px", margin: "12px 0 0" },
  button: {
    backgroundColor: colors.brand,
    color: "#ffffff",
    borderRadius: 6,
    padding: "12px 20px",
    fontSize: 15,
    fontWeight: 600,
    textDecoration: "none",
    display: "inline-block",
  },
} as const;
