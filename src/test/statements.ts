// Counts the SQL statements a piece of work sends through node-postgres (BEGIN and COMMIT included), by
// wrapping the driver's query method for the duration of `fn`. Used by the statement-count tests and bench:load.
import pg from "pg";

export async function sqlStatements(fn: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push(typeof first === "string" ? first : (first?.text ?? ""));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = original;
  }
  return sent;
}
