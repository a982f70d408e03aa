// CSV text for downloads (RFC 4180): fields joined by commas, records by CRLF; a field holding a comma, a
// quote, CR or LF is quoted, with its quotes doubled. Spreadsheets run a cell that starts with = + - @ (or a
// tab or CR) as a formula, so such text is written with a leading apostrophe: the file may hold names and
// role titles people typed. Numbers are written as numbers (a negative number is data, not a formula). Pure.

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field as CSV text. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ending with CRLF (for files written a record at a time). */
export function csvRecord(row: readonly CsvCell[]): string {
  return `${row.map(csvField).join(",")}\r\n`;
}

/** A whole file: the header row, then one record per row; every record ends with CRLF. */
export function encodeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map(csvRecord).join("");
}
