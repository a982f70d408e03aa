// Text that PostgreSQL cannot store (a NUL byte) or that is not valid Unicode (a lone UTF-16 surrogate,
// which cannot be encoded as UTF-8) is refused at the edge, with the field named, instead of failing deep
// inside a query as a 500.

/** Where in `value` the first string (or object key) with a NUL byte or a lone surrogate is, or null. */
export function findUnsafeText(value: unknown, path: (string | number)[] = [], seen = new Set<object>()): (string | number)[] | null {
  if (typeof value === "string") return isSafeText(value) ? null : path;
  if (value === null || typeof value !== "object") return null;
  if (seen.has(value)) return null;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i], seen);
      if (found) return found;
    }
    return null;
  }
  if (value instanceof Map) {
    for (const [k, v] of value) {
      const found = findUnsafeText(k, path, seen) ?? findUnsafeText(v, [...path, String(k)], seen);
      if (found) return found;
    }
    return null;
  }
  if (value instanceof Set) return findUnsafeText([...value], path, seen);
  for (const [k, v] of Object.entries(value)) {
    if (!isSafeText(k)) return [...path, k];
    const found = findUnsafeText(v, [...path, k], seen);
    if (found) return found;
  }
  return null;
}

export function isSafeText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}
