// Prisma client and the choice of driver adapter: PGlite (embedded, in-process) when DATABASE_URL is
// absent, node-postgres against a server otherwise. Cached on globalThis because Next.js may load this
// module in more than one bundle of the same process, and PGlite must be opened once per data directory.
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { Prisma as PrismaRuntime, PrismaClient } from "@/generated/prisma/client";
import { databaseConfig, type DatabaseConfig } from "@/server/env";

export type Db = PrismaClient;
export type { Prisma } from "@/generated/prisma/client";
import type { Prisma as PrismaTypes } from "@/generated/prisma/client";

/** A piece of SQL with its parameters, for raw queries assembled from parts chosen from a fixed list. */
export const sqlPart = PrismaRuntime.sql;

/** For values validated at the boundary (zod) that are stored in JSON columns. */
export const asJson = (value: unknown) => value as PrismaTypes.InputJsonValue;

/** A minimal SQL connection used by the migration runner and health checks (pg.Client or PGlite). */
export interface SqlConnection {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

type Holder = { prisma?: PrismaClient; pglite?: PGlite; pglitePath?: string };
const globalHolder = globalThis as unknown as { __loopwiseDb?: Holder };
const holder: Holder = (globalHolder.__loopwiseDb ??= {});

export function openPGlite(dataDir: string): PGlite {
  const dir = path.join(dataDir, "pgdata");
  if (holder.pglite && holder.pglitePath === dir) return holder.pglite;
  // PGlite does not create missing parent directories.
  mkdirSync(/*turbopackIgnore: true*/ dataDir, { recursive: true });
  // btree_gist backs the exclusion constraints that stop double-booking.
  const instance = new PGlite(dir, { extensions: { btree_gist } });
  holder.pglite = instance;
  holder.pglitePath = dir;
  // A PGlite whose start failed stays failed: forget it so the next call tries again.
  instance.waitReady.catch(() => {
    if (holder.pglite === instance) {
      holder.pglite = undefined;
      holder.prisma = undefined;
    }
  });
  return instance;
}

/**
 * A transaction's connection, for the statements of the request prelude that go to the driver directly
 * (src/server/db/tenant.ts): Prisma compiles every query (raw ones too) before it sends it, which costs more
 * CPU than the statement itself on a one-row lookup. `withTransactionConnection` opens a slot; the first
 * connection the pool hands out in it (the one Prisma's `$transaction` begins on) is recorded there.
 */
const connectionSlots = new AsyncLocalStorage<ConnectionSlot>();

/**
 * `client`: the transaction's connection while the transaction holds it. Cleared when the connection goes
 * back to the pool, and the slot closed when the transaction has ended: work the request left running (a
 * timer, an unawaited promise) keeps the async context, and the released connection may by then carry
 * another request's transaction, in another workspace.
 */
interface ConnectionSlot {
  client?: pg.PoolClient;
  closed?: boolean;
}

const queued = new WeakSet<pg.PoolClient>();

/**
 * A checked-out connection (a transaction's) runs its statements one after another in the order they were
 * asked for, as node-postgres has always done, but waits in our queue rather than in the driver's: services
 * read in parallel inside a workspace's transaction (`Promise.all` of Prisma queries), and node-postgres 8.23
 * deprecates calling `client.query` while another is queued (it will refuse it in pg@9). Once per client:
 * the pool hands the same client out again.
 */
function queueQueries(client: pg.PoolClient): void {
  if (queued.has(client)) return;
  queued.add(client);
  // The class's method, looked up on each call: instrumentation that wraps it later still sees every statement.
  const send = (...args: unknown[]): unknown =>
    (Object.getPrototypeOf(client) as { query: (...a: unknown[]) => unknown }).query.apply(client, args);
  let last: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    // The callback form and submittables (cursors, streams) return no promise to wait on: as the driver would.
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === "function" || typeof first?.submit === "function") return send(...args);
    const result = last.then(() => send(...args));
    last = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }) as typeof client.query;
}

class TransactionTrackingPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: () => void) => void,
  ): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: () => void) => void,
  ): Promise<pg.PoolClient> | void {
    // pool.query (a statement outside any transaction) takes the callback form: never recorded.
    if (callback) return super.connect(callback);
    const slot = connectionSlots.getStore();
    return super.connect().then((client) => {
      queueQueries(client);
      if (slot && !slot.closed && !slot.client) {
        slot.client = client;
        // The pool gives every checkout its own release function: wrap this one.
        const release = client.release;
        client.release = (err?: Error | boolean) => {
          if (slot.client === client) slot.client = undefined;
          slot.closed = true;
          return release.call(client, err);
        };
      }
      return client;
    });
  }
}

/**
 * Runs `start` (which begins one Prisma transaction) with a way to reach that transaction's driver
 * connection: `connection()` answers it once the transaction has begun, or undefined when the client is not
 * on a pool made here (PGlite, another adapter); then the caller goes through Prisma.
 */
export function withTransactionConnection<T>(
  start: (connection: () => pg.PoolClient | undefined) => Promise<T>,
): Promise<T> {
  const slot: ConnectionSlot = {};
  return connectionSlots
    .run(slot, () => start(() => slot.client))
    .finally(() => {
      slot.client = undefined;
      slot.closed = true;
    });
}

/**
 * Prisma reads `timestamp` columns (no zone) as UTC; node-postgres by default as the process's local time.
 * Statements sent to the driver directly parse them as Prisma does.
 */
const prismaLikeTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.TIMESTAMP && format !== "binary"
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * A request's hot read: inside a workspace transaction (`withTransactionConnection`), sent on its own
 * connection as a prepared statement, because Prisma's compile step and result handling cost more CPU than
 * the rest of a page like the debrief (issue #16); timestamps come back as Prisma reads them. Through Prisma
 * anywhere else. Row-level security applies either way: it is the same transaction. The statement's name is
 * `label` and a digest of its text, so a read whose text varies (optional filters, a cursor) prepares one
 * statement per variant, never reuses a name for another text (the driver refuses that).
 */
export async function queryInTransaction<T extends pg.QueryResultRow>(
  db: Db | PrismaTypes.TransactionClient,
  label: string,
  sql: PrismaTypes.Sql,
  options: { genericPlan?: boolean } = {},
): Promise<T[]> {
  const client = connectionSlots.getStore()?.client;
  if (!client) return db.$queryRaw<T[]>(sql);
  const name = statementName(label, sql.text);
  const query = { name, text: sql.text, values: sql.values, types: prismaLikeTypes };
  if (!options.genericPlan) return (await client.query<T>(query)).rows;
  // genericPlan: for a statement written to be planned once (no parameter decides an index) whose planning
  // costs more than its execution. PostgreSQL's own choice between a plan per call and one reused plan turns on
  // the tables' statistics: with fresh ones it planned the board's statement afresh on every call (1.8 ms per
  // execution against 0.45 ms reused). Set for this statement only; a failed statement ends the transaction,
  // and the setting with it.
  await client.query("SET LOCAL plan_cache_mode = force_generic_plan");
  const { rows } = await client.query<T>(query);
  await client.query("SET LOCAL plan_cache_mode TO DEFAULT");
  return rows;
}

const statementNames = new Map<string, string>();
/** `label:digest` of a statement's text; remembered (a few variants per read, bounded all the same). */
function statementName(label: string, text: string): string {
  const key = `${label}\0${text}`;
  let name = statementNames.get(key);
  if (!name) {
    if (statementNames.size >= 1_000) statementNames.clear();
    name = `${label}:${createHash("sha256").update(text).digest("base64url").slice(0, 22)}`;
    statementNames.set(key, name);
  }
  return name;
}

/** The pool behind each client built by `getDb` on a server, for statements sent to the driver directly. */
const pools = new WeakMap<PrismaClient, pg.Pool>();

/** The pool of `db` when it is on a server and was built here; undefined otherwise (go through Prisma). */
export function driverPool(db: PrismaClient): pg.Pool | undefined {
  return pools.get(db);
}

/**
 * The node-postgres adapter, on a pool of our own (see `withTransactionConnection`). A query waits at most
 * `pool.timeoutMs` for a free connection and then fails (the API answers 503): without a bound, a burst of
 * requests queued behind an exhausted pool for ever.
 */
export function serverAdapter(database: Extract<DatabaseConfig, { kind: "server" }>): PrismaPg {
  return new PrismaPg(serverPool(database), { disposeExternalPool: true });
}

function serverPool(database: Extract<DatabaseConfig, { kind: "server" }>): pg.Pool {
  return new TransactionTrackingPool({
    connectionString: database.url,
    max: database.pool.max,
    connectionTimeoutMillis: database.pool.timeoutMs,
  });
}

export function getDb(): PrismaClient {
  if (holder.prisma) return holder.prisma;
  const database = databaseConfig();
  if (database.kind === "server") {
    const pool = serverPool(database);
    holder.prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    pools.set(holder.prisma, pool);
    return holder.prisma;
  }
  // pglite-prisma-adapter 0.6.1 bundles older driver-adapter types than prisma 6.19.
  const adapter = new PrismaPGlite(openPGlite(database.dataDir)) as unknown as PrismaPg;
  holder.prisma = new PrismaClient({ adapter });
  return holder.prisma;
}

/** A dedicated SQL connection for the migration runner (advisory locks need one session). */
export async function openSqlConnection(): Promise<SqlConnection> {
  const database = databaseConfig();
  if (database.kind === "embedded") {
    const lite = openPGlite(database.dataDir);
    await lite.waitReady;
    return {
      query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await lite.query<T>(sql, params)).rows }),
      exec: async (sql) => {
        await lite.exec(sql);
      },
      // The embedded instance is shared with Prisma; it stays open.
      close: async () => {},
    };
  }
  return connectServer(database.url);
}

export async function connectServer(url: string): Promise<SqlConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async <T>(sql: string, params?: unknown[]) => {
      const r = await client.query(sql, params);
      return { rows: r.rows as T[] };
    },
    exec: async (sql) => {
      await client.query(sql);
    },
    close: () => client.end(),
  };
}
