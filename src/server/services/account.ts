import type { Db } from "@/server/db";
import type { Actor } from "./scope";

/** The signed-in user's own profile. People who sign up by email start without a name. */
export async function updateProfile(db: Db, actor: Actor, input: { name: string }) {
  return db.user.update({
    where: { id: actor.userId },
    data: { name: input.name },
    select: { id: true, name: true, email: true },
  });
}

export async function getProfile(db: Db, actor: Actor) {
  return db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { id: true, name: true, email: true, timeZone: true },
  });
}

/**
 * Sets the person's time zone. `detected` is the browser's guess on first sign-in: it fills an empty zone
 * and never overrides one the person chose.
 */
export async function setTimeZone(db: Db, actor: Actor, input: { timeZone: string; detected?: boolean }) {
  if (input.detected) {
    await db.user.updateMany({ where: { id: actor.userId, timeZone: null }, data: { timeZone: input.timeZone } });
  } else {
    await db.user.update({ where: { id: actor.userId }, data: { timeZone: input.timeZone } });
  }
  return getProfile(db, actor);
}
