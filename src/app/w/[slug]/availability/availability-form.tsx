"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { useFormErrors } from "@/components/errors";
import { Alert, Button, Card, Checkbox, Field, Input, TimeZoneSelect } from "@/components/ui";
import { useAction } from "@/trpc/action";

const schemas = () => import("@/schemas/loop");

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
type Day = { on: boolean; start: string; end: string };
type Profile = {
  timeZone: string;
  weekly: { weekday: number; start: string; end: string }[];
  exceptions: { date: string; available: boolean }[];
};

function weeklyDays(profile: Profile): Day[] {
  return DAYS.map((_, i) => {
    const w = profile.weekly.find((x) => x.weekday === i + 1);
    return w ? { on: true, start: w.start, end: w.end } : { on: false, start: "09:00", end: "17:00" };
  });
}

function daysOffText(profile: Profile): string {
  return profile.exceptions
    .filter((e) => !e.available)
    .map((e) => e.date)
    .join(", ");
}

/**
 * The viewer's weekly hours and days off. The server renders the form with the saved profile (no flash of
 * defaults); after a save the page is refreshed and the form follows the saved profile.
 */
export function AvailabilityForm({ workspaceId, profile }: { workspaceId: string; profile: Profile }) {
  const router = useRouter();
  const [timeZone, setTimeZone] = useState(profile.timeZone);
  const [days, setDays] = useState(() => weeklyDays(profile));
  const [daysOff, setDaysOff] = useState(() => daysOffText(profile));
  const { errors, validate, onServerError } = useFormErrors(schemas);
  // Each refresh brings a new object: the form follows what it holds (a new saved profile), not the object,
  // so a refresh after a calendar import keeps edits not saved yet.
  const saved = JSON.stringify([profile.timeZone, profile.weekly, profile.exceptions]);
  const [shown, setShown] = useState(saved);
  if (saved !== shown) {
    setShown(saved);
    setTimeZone(profile.timeZone);
    setDays(weeklyDays(profile));
    setDaysOff(daysOffText(profile));
  }
  const save = useAction((api) => api.schedule.saveMyAvailability.mutate, {
    onSuccess: () => {
      toast.success("Availability saved");
      router.refresh();
    },
    onError: onServerError,
  });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = await validate((s) => s.SaveAvailabilityInput, {
      workspaceId,
      timeZone,
      weekly: days.flatMap((d, i) => (d.on ? [{ weekday: i + 1, start: d.start, end: d.end }] : [])),
      exceptions: daysOff
        .split(/[,\s]+/)
        .filter(Boolean)
        .map((date) => ({ date, available: false as const })),
    });
    if (input) save.mutate(input);
  }
  return (
    <Card>
      <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
        <Field label="Your time zone" htmlFor="av-tz" error={errors.timeZone}>
          <TimeZoneSelect id="av-tz" value={timeZone} current={timeZone} onChange={setTimeZone} className="max-w-sm" />
        </Field>
        <fieldset>
          <legend className="text-sm font-medium">Weekly hours</legend>
          <div className="mt-2 space-y-2">
            {DAYS.map((name, i) => (
              <div
                key={name}
                className="grid grid-cols-2 items-center gap-x-2 gap-y-1 sm:grid-cols-[9rem_8rem_8rem] sm:gap-3"
              >
                {/* On a phone the day has its own line, so its full name is never clipped. */}
                <Checkbox
                  className="col-span-2 sm:col-span-1"
                  label={name}
                  checked={days[i]!.on}
                  onChange={(e) => setDays(days.map((d, j) => (j === i ? { ...d, on: e.target.checked } : d)))}
                />
                <Input
                  aria-label={`${name} from`}
                  type="time"
                  value={days[i]!.start}
                  disabled={!days[i]!.on}
                  onChange={(e) => setDays(days.map((d, j) => (j === i ? { ...d, start: e.target.value } : d)))}
                />
                <Input
                  aria-label={`${name} until`}
                  type="time"
                  value={days[i]!.end}
                  disabled={!days[i]!.on}
                  onChange={(e) => setDays(days.map((d, j) => (j === i ? { ...d, end: e.target.value } : d)))}
                />
              </div>
            ))}
          </div>
          {errors.weekly && <Alert className="mt-1">{errors.weekly}</Alert>}
        </fieldset>
        <Field
          label="Days off (dates, comma-separated)"
          htmlFor="av-off"
          error={errors.exceptions}
          hint="For example 2026-12-24, 2026-12-31"
        >
          <Input
            id="av-off"
            value={daysOff}
            onChange={(e) => setDaysOff(e.target.value)}
            invalid={!!errors.exceptions}
          />
        </Field>
        <Button type="submit" busy={save.isPending}>
          Save availability
        </Button>
      </form>
    </Card>
  );
}
