import type { Level } from "@/domain/vocabulary";

/**
 * The input of `loop.board` for the filters in the URL ("" when absent): one derivation for the board in the
 * browser and the page's render on the server, so the browser does not read again what it was sent.
 */
export function boardInput(workspaceId: string, p: { level: string; role: string }) {
  return { workspaceId, level: (p.level || undefined) as Level | undefined, role: p.role.trim() || undefined };
}
