/**
 * How every cursor-paged list finds its next page (`{ items, nextCursor }` from the server, null at the end).
 * The list's `useInfiniteQuery` and its page's `prefetchInfiniteQuery` share it.
 */
export const byNextCursor = {
  getNextPageParam: (last: { nextCursor?: string | null }) => last.nextCursor ?? undefined,
};
