import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { LazyToaster } from "@/components/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Loopwise", template: "%s · Loopwise" },
  description: "Practice interview loops, rubric scorecards and calibrated debriefs.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: the CSP nonce is per request.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        {children}
        {/* Bottom left: clear of the header's Sign out (top right) and the scorecard's Submit (bottom right). */}
        <LazyToaster position="bottom-left" closeButton />
      </body>
    </html>
  );
}
