"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { useFormErrors } from "@/components/errors";
import { Button, Card, Field, Input } from "@/components/ui";
import { useAction } from "@/trpc/action";

const schemas = () => import("@/schemas/account");

/** Asks people who signed up by email for the name their team will see. */
export function ProfileForm({ name: initial }: { name: string | null }) {
  const router = useRouter();
  const [name, setName] = useState(initial ?? "");
  const { errors, validate, onServerError } = useFormErrors(schemas);
  const save = useAction((api) => api.account.updateProfile.mutate, {
    onSuccess: () => {
      toast.success("Name saved");
      router.refresh();
    },
    onError: onServerError,
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = await validate((s) => s.UpdateProfileInput, { name });
    if (input) save.mutate(input);
  }
  return (
    <Card
      title="What should your team call you?"
      description="Your name appears on members lists, scorecards and debriefs."
    >
      <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <Field label="Your name" htmlFor="profile-name" error={errors.name}>
            <Input
              id="profile-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              invalid={!!errors.name}
              autoComplete="name"
            />
          </Field>
        </div>
        <Button type="submit" busy={save.isPending}>
          Save name
        </Button>
      </form>
    </Card>
  );
}
