"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { useFormErrors } from "@/components/errors";
import { Button, Field, Input, TimeZoneSelect } from "@/components/ui";
import { FALLBACK_ZONE, isTimeZone } from "@/domain/time-zone";
import { useAction } from "@/trpc/action";

const schemas = () => import("@/schemas/member");

/**
 * Accepting asks first for what colleagues and emails need: the person's name and time zone (taken from the
 * browser unless they already chose one), saved in the same step as the acceptance.
 */
export function AcceptForm({
  token,
  name: initialName,
  timeZone: savedZone,
}: {
  token: string;
  name: string;
  timeZone: string | null;
}) {
  const router = useRouter();
  const [name, setName] = useState(initialName);
  const [timeZone, setTimeZone] = useState(savedZone ?? FALLBACK_ZONE);
  const { errors, validate, onServerError } = useFormErrors(schemas);
  useEffect(() => {
    if (savedZone) return;
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (detected && isTimeZone(detected)) setTimeZone(detected);
  }, [savedZone]);
  const accept = useAction((api) => api.invitation.accept.mutate, {
    onSuccess: (res) => {
      toast.success(`Welcome to ${res.workspaceName}`);
      router.push(`/w/${res.workspaceSlug}`);
    },
    onError: onServerError,
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = await validate((s) => s.AcceptInvitationInput, { token, name, timeZone });
    if (input) accept.mutate(input);
  }
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200"
    >
      <Field
        label="Your name"
        htmlFor="accept-name"
        error={errors.name}
        hint="As your colleagues see it on loops, scorecards and emails."
      >
        <Input
          id="accept-name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          invalid={!!errors.name}
        />
      </Field>
      <Field
        label="Your time zone"
        htmlFor="accept-tz"
        error={errors.timeZone}
        hint="Every time in Loopwise and in its emails is shown in it."
      >
        <TimeZoneSelect id="accept-tz" value={timeZone} current={timeZone} onChange={setTimeZone} />
      </Field>
      <Button type="submit" busy={accept.isPending} className="w-full">
        Accept invitation
      </Button>
    </form>
  );
}
