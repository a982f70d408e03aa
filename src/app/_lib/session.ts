import "server-only";
import { redirect } from "next/navigation";
import { getRequestContext } from "@/trpc/server";

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireActor(returnTo: string) {
  const ctx = await getRequestContext();
  if (!ctx.actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return ctx.actor;
}

export async function currentActor() {
  return (await getRequestContext()).actor;
}
