// Stable, readable keys (lowercase-dash) for things users name: round types, signals, templates.

/** Lowercase ASCII words joined by dashes, at most `maxLength` characters, no dash at either end. */
export function kebabCase(name: string, maxLength: number): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
}

/** A key derived from `name` that is not in `taken`. */
export function uniqueKey(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = kebabCase(name, 40) || "item";
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
  return key;
}
