// The Members page's list request, built from the filters in its URL (`?q=…&role=…`): the server prefetches
// with it and the browser's first request uses it, so the prefetched first page is the one the list reads.
import { ROLES, type Role } from "@/domain/roles";
import { PAGE_SIZE } from "@/schemas/values";

export function membersListInput(workspaceId: string, filters: { q: string; role: string }) {
  return {
    workspaceId,
    limit: PAGE_SIZE,
    search: filters.q.trim() || undefined,
    role: (ROLES as readonly string[]).includes(filters.role) ? (filters.role as Role) : undefined,
  };
}
