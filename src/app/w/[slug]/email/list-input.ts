import { EMAIL_STATUSES, PAGE_SIZE } from "@/schemas/values";

export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * The input of `email.list` for the filters in the URL ("" when absent): one derivation for the list in the
 * browser and the page's prefetch on the server, so both ask for (and cache) the same query.
 */
export function emailListInput(workspaceId: string, p: { status: string; to: string; sort: string }) {
  return {
    workspaceId,
    limit: PAGE_SIZE,
    status: (EMAIL_STATUSES as readonly string[]).includes(p.status) ? (p.status as EmailStatus) : undefined,
    to: p.to.trim() || undefined,
    sort: p.sort === "oldest" ? ("oldest" as const) : ("newest" as const),
  };
}
