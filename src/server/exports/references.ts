// The references of an export document: every id a row names must be a row of the list it points at (ENTITY_SPECS),
// and no id may appear twice in a list. Checked on the whole document before the import writes anything. A
// reference to a person (a users id) that the document does not list is allowed: the person may have deleted
// their account since; the import attributes it to the person importing (docs/export.md).
import type { ExportEntity, WorkspaceExportDocument } from "@/schemas/workspace-export";
import { ENTITY_SPECS, EXPORT_ORDER } from "./entities";

export interface ReferenceProblem {
  path: string;
  message: string;
}

function idsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/** The first problems found (at most `limit`), or none. */
export function findReferenceProblems(doc: WorkspaceExportDocument, limit = 5): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const ids = new Map<ExportEntity, Set<string>>();
  for (const entity of [...EXPORT_ORDER, "users"] as const) {
    const seen = new Set<string>();
    doc[entity].forEach((row, i) => {
      if (seen.has(row.id)) problems.push({ path: `${entity}[${i}].id`, message: `the id "${row.id}" appears twice` });
      seen.add(row.id);
    });
    ids.set(entity, seen);
  }
  for (const entity of EXPORT_ORDER) {
    const refs = Object.entries(ENTITY_SPECS[entity].refs);
    doc[entity].forEach((row: Record<string, unknown>, i) => {
      for (const [field, target] of refs) {
        if (target === "users") continue;
        for (const id of idsOf(row[field])) {
          if (!ids.get(target)?.has(id))
            problems.push({
              path: `${entity}[${i}].${field}`,
              message: `refers to "${id}", which is not in ${target}`,
            });
        }
      }
    });
  }
  return problems.slice(0, limit);
}
