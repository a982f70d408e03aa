// JSON text spliced in verbatim: numbers JSON.stringify cannot write and 10,000 levels of nesting ride in
// a request body as marked strings that toJsonText replaces.

/** A piece of JSON text spliced in verbatim (numbers JSON.stringify cannot write, 10,000 levels of nesting). */
export class RawJson {
  constructor(readonly text: string) {}
  /** A marker string that toJsonText replaces with the text itself. */
  toJSON() {
    return `${RAW_OPEN}${this.text}${RAW_CLOSE}`;
  }
}

const RAW_OPEN = "@@raw:";

const RAW_CLOSE = ":raw@@";

const RAW_MARKER = /"@@raw:((?:[^"\\]|\\.)*):raw@@"/g;

/** JSON text for a value, splicing in RawJson pieces verbatim. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) return "null";
  // The marker went through JSON.stringify as a string literal: unescape it back to the raw text.
  return text.includes(RAW_OPEN)
    ? text.replace(RAW_MARKER, (_m, inner: string) => JSON.parse(`"${inner}"`) as string)
    : text;
}
