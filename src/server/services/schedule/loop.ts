// The loop being scheduled, with its rounds in order: read the same way by the slot search and by booking.
import { notFound } from "@/server/errors";
import type { Scope, Tx } from "../scope";

export async function loadLoopForScheduling(tx: Tx, scope: Scope, loopId: string) {
  const loop = await tx.loop.findFirst({
    where: { id: loopId, workspaceId: scope.workspaceId },
    include: { rounds: { orderBy: { order: "asc" } } },
  });
  if (!loop) throw notFound("That loop");
  return loop;
}
