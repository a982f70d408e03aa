// A member's scheduling profile: weekly hours and days off in their own zone, and busy times imported from
// their calendar, which the slot search avoids.
import { CalendarFileError, parseBusyTimes } from "@/domain/busy-import";
import type { DateException, WeeklyWindow } from "@/domain/scheduling/availability";
import type { Interval } from "@/domain/scheduling/intervals";
import { asJson } from "@/server/db";
import { readExceptions, readWeekly } from "@/server/db/json";
import { AppError, notFound } from "@/server/errors";
import { inTransaction, type Scope, type Tx } from "../scope";
import { memberZones } from "../time-zones";

export const DEFAULT_WEEKLY: WeeklyWindow[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  start: "09:00",
  end: "17:00",
}));

export async function getProfile(db: Tx, scope: Scope, memberId = scope.memberId) {
  const [profile, member, zones] = await Promise.all([
    db.schedulingProfile.findUnique({ where: { workspaceId_memberId: { workspaceId: scope.workspaceId, memberId } } }),
    db.membership.findFirst({
      where: { id: memberId, workspaceId: scope.workspaceId },
      select: { id: true, role: true },
    }),
    memberZones(db, scope.workspaceId, [memberId]),
  ]);
  if (!member) throw notFound("That member");
  return {
    memberId,
    role: member.role,
    /** The person's own zone: their weekly hours are read in it. */
    timeZone: zones.get(memberId)!.zone,
    weekly: profile ? readWeekly(profile.weekly) : DEFAULT_WEEKLY,
    exceptions: profile ? readExceptions(profile.exceptions) : [],
    roundTypeKeys: profile?.roundTypeKeys ?? [],
    weeklyCap: profile?.weeklyCap ?? null,
    saved: !!profile,
    importedBusy: profile ? importedBusyOf(profile).length : 0,
    importedBusyAt: profile?.importedBusyAt ?? null,
  };
}

/** Saves the caller's weekly hours and days off; the zone they are given in becomes the person's zone. */
export async function saveMyAvailability(
  db: Tx,
  scope: Scope,
  input: { timeZone: string; weekly: WeeklyWindow[]; exceptions: DateException[] },
) {
  await inTransaction(db, async (tx) => {
    await tx.user.update({ where: { id: scope.userId }, data: { timeZone: input.timeZone } });
    await tx.schedulingProfile.upsert({
      where: { workspaceId_memberId: { workspaceId: scope.workspaceId, memberId: scope.memberId } },
      update: { weekly: asJson(input.weekly), exceptions: asJson(input.exceptions), availabilitySetAt: new Date() },
      create: {
        workspaceId: scope.workspaceId,
        memberId: scope.memberId,
        weekly: asJson(input.weekly),
        exceptions: asJson(input.exceptions),
        roundTypeKeys: [],
        availabilitySetAt: new Date(),
      },
    });
  });
  return getProfile(db, scope);
}

/** How far ahead imported busy times are kept: the slot search looks at most this far. */
const IMPORT_DAYS = 90;

/**
 * Reads busy times from the caller's own calendar export (.ics) for the next 90 days and keeps them, so
 * suggestions avoid them. Importing again replaces the earlier import.
 */
export async function importBusyTimes(db: Tx, scope: Scope, input: { ics: string }, now = new Date()) {
  const zone = (await memberZones(db, scope.workspaceId, [scope.memberId])).get(scope.memberId)?.zone ?? "UTC";
  let busy: Interval[];
  try {
    busy = parseBusyTimes(input.ics, { start: now, end: new Date(now.getTime() + IMPORT_DAYS * 86_400_000) }, zone);
  } catch (err) {
    if (err instanceof CalendarFileError) throw new AppError("BAD_REQUEST", `ics: ${err.message}`);
    throw err;
  }
  const current = await getProfile(db, scope);
  const data = {
    importedBusy: asJson(busy.map((b) => ({ start: b.start.toISOString(), end: b.end.toISOString() }))),
    importedBusyAt: now,
  };
  await db.schedulingProfile.upsert({
    where: { workspaceId_memberId: { workspaceId: scope.workspaceId, memberId: scope.memberId } },
    update: data,
    create: {
      workspaceId: scope.workspaceId,
      memberId: scope.memberId,
      weekly: asJson(current.weekly),
      exceptions: asJson(current.exceptions),
      roundTypeKeys: [],
      ...data,
    },
  });
  return { busyPeriods: busy.length, importedAt: now };
}

export async function clearImportedBusy(db: Tx, scope: Scope) {
  await db.schedulingProfile.updateMany({
    where: { workspaceId: scope.workspaceId, memberId: scope.memberId },
    data: { importedBusy: asJson([]), importedBusyAt: null },
  });
  return { cleared: true };
}

/** Imported busy times of a profile (stored as ISO strings). */
export function importedBusyOf(profile: { importedBusy: unknown }): Interval[] {
  const list = Array.isArray(profile.importedBusy) ? (profile.importedBusy as { start: string; end: string }[]) : [];
  return list.map((b) => ({ start: new Date(b.start), end: new Date(b.end) }));
}
