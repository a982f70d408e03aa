"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { useFormErrors } from "@/components/errors";
import { Button, Card, Field, TimeZoneSelect } from "@/components/ui";
import { useAction } from "@/trpc/action";

const schemas = () => import("@/schemas/account");

/** The person's own time zone: every time in Loopwise and in its emails is shown in it. */
export function TimeZoneForm({ timeZone: initial }: { timeZone: string }) {
  const router = useRouter();
  const [timeZone, setTimeZone] = useState(initial);
  const { errors, validate, onServerError } = useFormErrors(schemas);
  const save = useAction((api) => api.account.setTimeZone.mutate, {
    onSuccess: (me) => {
      toast.success(`Times are now shown in ${me.timeZone}`);
      router.refresh();
    },
    onError: onServerError,
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = await validate((s) => s.SetTimeZoneInput, { timeZone });
    if (input) save.mutate(input);
  }
  return (
    <Card
      title="Your time zone"
      description={`Every time in Loopwise and in its emails is shown in this zone, and your weekly availability is read in it.`}
    >
      <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <Field label="Your time zone" htmlFor="account-tz" error={errors.timeZone}>
            <TimeZoneSelect id="account-tz" value={timeZone} current={initial} onChange={setTimeZone} />
          </Field>
        </div>
        <Button type="submit" busy={save.isPending}>
          Save time zone
        </Button>
      </form>
    </Card>
  );
}
