// Walks a cursor-paginated list to its end, for the pagination tests: every page, in order.
export async function walkPages<T extends { id: string }>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<{ pages: T[][]; items: T[] }> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
    // A cursor that never ends would be a bug of its own: stop rather than loop forever.
    if (pages.length > 200) throw new Error("More than 200 pages: the cursor does not advance");
  } while (cursor);
  return { pages, items: pages.flat() };
}
