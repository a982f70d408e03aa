import { DELIVERY_STATUSES, PAGE_SIZE } from "@/schemas/values";

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The status filter in the URL, if it is one ("" when absent). */
export const deliveryStatus = (status: string) =>
  (DELIVERY_STATUSES as readonly string[]).includes(status) ? (status as DeliveryStatus) : undefined;

/**
 * The input of `webhook.deliveries` for the status in the URL: one derivation for the log in the browser and
 * the page's first page on the server, so the browser does not ask again for what it was sent.
 */
export function deliveriesInput(workspaceId: string, endpointId: string, status: string) {
  return { workspaceId, endpointId, limit: PAGE_SIZE, status: deliveryStatus(status) };
}
