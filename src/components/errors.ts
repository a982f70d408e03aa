/** Field errors from a tRPC error (validated on the server with the same zod schemas). */
export function fieldErrorsOf(err: unknown): Record<string, string | undefined> {
  const fields = (err as { data?: { fieldErrors?: Record<string, string[] | undefined> | null } })?.data?.fieldErrors;
  if (!fields) return {};
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v?.[0]]));
}
