"use client";

import { useState, type FormEvent } from "react";
import { Button, Field, Input } from "@/components/ui";
import { signInWith } from "@/components/sign-in";

export function EmailSignInForm({ callbackUrl, initialEmail = "" }: { callbackUrl: string; initialEmail?: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The shared schema, fetched on submit: zod stays out of the sign-in page's first load.
    const { Email } = await import("@/schemas/common");
    const parsed = Email.safeParse(email);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Enter a valid email address");
      return;
    }
    setError(null);
    setBusy(true);
    await signInWith("email", callbackUrl, { email: parsed.data });
    setBusy(false);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
      <Field
        label="Email address"
        htmlFor="email"
        error={error}
        hint="We email you a link that signs you in. It works once, for 10 minutes."
      >
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          invalid={!!error}
          required
        />
      </Field>
      <Button type="submit" busy={busy} className="w-full">
        Email me a sign-in link
      </Button>
    </form>
  );
}

export function OAuthButtons({
  providers,
  callbackUrl,
}: {
  providers: { id: string; name: string }[];
  callbackUrl: string;
}) {
  return (
    <div className="space-y-2 border-t border-slate-200 pt-5">
      {providers.map((p) => (
        <Button key={p.id} variant="secondary" className="w-full" onClick={() => void signInWith(p.id, callbackUrl)}>
          Continue with {p.name}
        </Button>
      ))}
    </div>
  );
}
