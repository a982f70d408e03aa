import type { Metadata } from "next";
import Link from "next/link";
import { getEnv } from "@/server/env";

export const metadata: Metadata = { title: "Check your email" };
export const dynamic = "force-dynamic";

export default function CheckEmailPage() {
  const env = getEnv();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <h1 className="text-2xl font-semibold tracking-tight">Check your email</h1>
      <p className="mt-3 text-slate-700">
        We sent you a sign-in link. It works once and expires in 10 minutes. You can close this tab.
      </p>
      {env.demo && (
        <p className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          Demo mode sends no real email: open the{" "}
          <Link className="font-medium underline" href="/dev/mail">
            dev mailbox
          </Link>{" "}
          to find your link.
        </p>
      )}
      <Link href="/sign-in" className="mt-6 text-sm font-medium text-brand-700 hover:underline">
        Use a different email
      </Link>
    </main>
  );
}
