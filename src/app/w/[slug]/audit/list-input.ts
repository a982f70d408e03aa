import { AUDIT_ACTIONS, AUDIT_AREAS, PAGE_SIZE } from "@/schemas/values";

/**
 * The input of `audit.list` for the filters in the URL ("" when absent): one derivation for the list in the
 * browser and the page's prefetch on the server, so both ask for (and cache) the same query.
 */
export function auditListInput(workspaceId: string, p: { area: string; action: string; sort: string }) {
  return {
    workspaceId,
    limit: PAGE_SIZE,
    area: (AUDIT_AREAS as readonly string[]).includes(p.area) ? p.area : undefined,
    action: (AUDIT_ACTIONS as readonly string[]).includes(p.action)
      ? (p.action as (typeof AUDIT_ACTIONS)[number])
      : undefined,
    sort: p.sort === "oldest" ? ("oldest" as const) : ("newest" as const),
  };
}
