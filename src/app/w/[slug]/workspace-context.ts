import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TRPCError } from "@trpc/server";
import { requireActor } from "@/app/_lib/session";
import { can, type Permission } from "@/domain/roles";
import { getServerCaller } from "@/trpc/server";

/** The workspace at /w/[slug] for the signed-in member; anyone else gets a 404. */
export const loadWorkspace = cache(async (slug: string) => {
  await requireActor(`/w/${slug}`);
  const caller = await getServerCaller();
  try {
    return await caller.workspace.resolve({ slug });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
});

/** The workspace, for a page that needs `permission`; members without it get a 404 like strangers. */
export async function loadWorkspaceWith(slug: string, permission: Permission) {
  const workspace = await loadWorkspace(slug);
  if (!can(workspace.role, permission)) notFound();
  return workspace;
}
