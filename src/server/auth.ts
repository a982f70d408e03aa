// next-auth v4 options. Database sessions (revocable); email magic links delivered through our outbox;
// OAuth providers switched on by their env vars. The demo sign-in is a separate route (demo mode only),
// because next-auth's Credentials provider would force JWT sessions.
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import AzureADProvider from "next-auth/providers/azure-ad";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { safeRedirect } from "@/domain/redirect";
import { getDb } from "@/server/db";
import { enqueueEmail } from "@/server/email/outbox";
import { renderEmail } from "@/server/email/render";
import { getEnv } from "@/server/env";
import { SESSION_MAX_AGE_S } from "@/server/services/session";

export const MAGIC_LINK_MAX_AGE_S = 10 * 60;

export function oauthProviders() {
  const env = getEnv();
  const providers = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }
  if (env.AZURE_AD_CLIENT_ID && env.AZURE_AD_CLIENT_SECRET && env.AZURE_AD_TENANT_ID) {
    // Microsoft renamed Azure AD; next-auth v4 still calls it that by default.
    providers.push({
      ...AzureADProvider({
        id: "azure-ad",
        clientId: env.AZURE_AD_CLIENT_ID,
        clientSecret: env.AZURE_AD_CLIENT_SECRET,
        tenantId: env.AZURE_AD_TENANT_ID,
      }),
      name: "Microsoft Entra ID",
    });
  }
  return providers;
}

function emailProvider(): EmailConfig {
  return {
    id: "email",
    type: "email",
    name: "Email",
    from: getEnv().EMAIL_FROM,
    server: {},
    maxAge: MAGIC_LINK_MAX_AGE_S,
    options: {},
    async sendVerificationRequest({ identifier, url }) {
      const email = await renderEmail("magic-link", {
        url,
        host: new URL(url).host,
        expiresInMinutes: MAGIC_LINK_MAX_AGE_S / 60,
      });
      // The token row is already committed by next-auth; the outbox row makes delivery durable.
      await enqueueEmail(getDb(), { workspaceId: null, to: identifier, email });
    },
  };
}

let cached: AuthOptions | undefined;

export function getAuthOptions(): AuthOptions {
  if (cached) return cached;
  const env = getEnv();
  cached = {
    secret: env.secret,
    // The generated client has the same delegates as @prisma/client, which the adapter's types name.
    adapter: PrismaAdapter(getDb()),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_S },
    providers: [emailProvider(), ...oauthProviders()],
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    callbacks: {
      redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
      session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }),
    },
    logger: {
      error: (code, metadata) =>
        console.error(JSON.stringify({ level: "error", app: "loopwise", msg: `next-auth ${code}`, metadata })),
      warn: (code) => console.warn(JSON.stringify({ level: "warn", app: "loopwise", msg: `next-auth ${code}` })),
      debug: () => {},
    },
  };
  return cached;
}
