// Text that PostgreSQL cannot store (a NUL byte) or that is not valid Unicode (a lone UTF-16 surrogate,
// which cannot be encoded as UTF-8) is refused at the edge, with the field named, instead of failing deep
// inside a query as a 500. So is an input nested deeper than any form of the app sends: walking it (here,
// in the schemas, in the services) would cost a stack frame per level.

/** No input of the app is nested more than a few levels (a report draft's excerpts: 4); far more is an attack. */
export const MAX_INPUT_DEPTH = 32;

export type Path = (string | number)[];
export type InputProblem = { problem: "unsafe-text" | "too-deep"; path: Path };

/**
 * The first problem in `value`, depth first in order: a string (or object key) with a NUL byte or a lone
 * surrogate, or a value nested deeper than `maxDepth`. Iterative, with each path built only when a problem is
 * found, so 10,000 levels of nesting cost neither the stack nor quadratic copying.
 */
export function findInputProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem | null {
  type Node = { parent: Node | null; key: string | number };
  const pathOf = (node: Node | null, last?: string | number): Path => {
    const path: Path = last === undefined ? [] : [last];
    for (let n = node; n; n = n.parent) path.push(n.key);
    return path.reverse();
  };
  const seen = new Set<object>();
  // A stack of values to visit with where they sit; a key to check is pushed as a string at its parent's path.
  const stack: { value: unknown; at: Node | null; depth: number; isKey?: boolean }[] = [{ value, at: null, depth: 0 }];
  while (stack.length) {
    const { value: v, at, depth, isKey } = stack.pop()!;
    if (typeof v === "string") {
      if (!isSafeText(v)) return { problem: "unsafe-text", path: isKey ? pathOf(at, v) : pathOf(at) };
      continue;
    }
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    if (depth >= maxDepth) return { problem: "too-deep", path: pathOf(at) };
    const child = (key: string | number): Node => ({ parent: at, key });
    const children: { value: unknown; at: Node | null; depth: number; isKey?: boolean }[] = [];
    if (Array.isArray(v)) {
      v.forEach((item, i) => children.push({ value: item, at: child(i), depth: depth + 1 }));
    } else if (v instanceof Map) {
      for (const [k, item] of v) {
        children.push({ value: k, at, depth: depth + 1 });
        children.push({ value: item, at: child(String(k)), depth: depth + 1 });
      }
    } else if (v instanceof Set) {
      [...v].forEach((item, i) => children.push({ value: item, at: child(i), depth: depth + 1 }));
    } else {
      for (const [k, item] of Object.entries(v)) {
        children.push({ value: k, at, depth: depth + 1, isKey: true });
        children.push({ value: item, at: child(k), depth: depth + 1 });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}

export function isSafeText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}
