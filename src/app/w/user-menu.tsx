"use client";

import { displayName } from "@/domain/people";
import { signOutToSignIn } from "@/components/sign-out";
import { Button } from "@/components/ui";

export function UserMenu({ name, email }: { name: string | null; email: string | null }) {
  return (
    <div className="flex items-center gap-3">
      <span className="hidden text-right text-sm sm:block">
        <span className="block font-medium text-slate-900">{displayName({ name, email })}</span>
        {name && <span className="block text-xs text-slate-600">{email}</span>}
      </span>
      <Button variant="ghost" onClick={() => void signOutToSignIn()}>
        Sign out
      </Button>
    </div>
  );
}
