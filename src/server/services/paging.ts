// Cursor pagination shared by the paginated lists: each query asks for one row more than the page, in an
// order that ends with the unique id, and resumes after the previous page's last row.

/** Prisma's cursor arguments: resume after the row `cursor` (none for the first page). */
export function after(cursor: string | undefined): { cursor?: { id: string }; skip?: number } {
  return cursor ? { cursor: { id: cursor }, skip: 1 } : {};
}

/** The page out of `limit + 1` fetched rows, and the cursor of the next page (null on the last one). */
export function pageOf<T extends { id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/** A search typed by a person, matched literally by `contains` (Prisma passes `%` and `_` to LIKE as wildcards). */
export function literal(search: string): string {
  return search.replace(/[\\%_]/g, (c) => `\\${c}`);
}
