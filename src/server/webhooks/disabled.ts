// When failures turn an endpoint off, its workspace's owners hear about it by email (through the outbox,
// in the same transaction as the change).
import { enqueueEmail } from "@/server/email/outbox";
import { renderEmail } from "@/server/email/render";
import { getEnv } from "@/server/env";
import type { Tx } from "@/server/services/scope";

export async function notifyEndpointDisabled(
  tx: Tx,
  endpointId: string,
  failedDeliveries: number,
  lastError: string | null,
) {
  const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({
    where: { id: endpointId },
    select: { url: true, workspaceId: true, workspace: { select: { name: true, slug: true } } },
  });
  const owners = await tx.membership.findMany({
    where: { workspaceId: endpoint.workspaceId, role: "owner" },
    select: { user: { select: { email: true } } },
  });
  const email = await renderEmail("webhook-disabled", {
    workspaceName: endpoint.workspace.name,
    endpointUrl: endpoint.url,
    failedDeliveries,
    lastError: lastError ?? "no answer",
    url: `${getEnv().appUrl}/w/${endpoint.workspace.slug}/settings/webhooks`,
  });
  for (const owner of owners) {
    if (!owner.user.email) continue;
    await enqueueEmail(tx, {
      workspaceId: endpoint.workspaceId,
      to: owner.user.email,
      email,
      topic: `webhook:${endpointId}:disabled`,
    });
  }
}
