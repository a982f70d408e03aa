import type { Db } from "@/server/db";
import type { Actor } from "./scope";

/** The signed-in user's own profile. People who sign up by email start without a name. */
export async function updateProfile(db: Db, actor: Actor, input: { name: string }) {
  return db.user.update({ where: { id: actor.userId }, data: { name: input.name }, select: { id: true, name: true, email: true } });
}

export async function getProfile(db: Db, actor: Actor) {
  return db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, name: true, email: true } });
}
