/** A page's `searchParams` as Next.js hands it over. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, or "" (as `URLSearchParams.get(key) ?? ""` reads it in the browser). */
export function firstParam(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}
