// Prisma CLI configuration for one job: `prisma migrate diff --from-migrations`, which replays every migration
// into a scratch database and compares the result with prisma/schema.prisma (src/server/db/migrations-match.int.test.ts).
// Prisma 6.19 without engine binaries only reaches a database through a driver adapter, and then it uses the
// adapter's database as the shadow: PRISMA_SHADOW_URL must name an empty database that may be thrown away.
//
// @prisma/adapter-pg 6.19 cannot describe the catalog (prisma/orm#27403): it rejects the catalog types
// `name` (oid 19) and `"char"` (oid 18). Results report `name` columns as text, and `"char"` columns as text
// to the adapter, which then hands them to the engine as the one-character type it reads them as.
import path from "node:path";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaConfig } from "prisma";
import pg from "pg";

process.env.DATABASE_URL ??= "postgresql://localhost/loopwise";

const NAME = 19;
const CHAR = 18;
const TEXT = 25;
/** The columns of type "char" seen in results: the engine must be told they hold one character. */
const charColumns = new Set<string>();

type Result = { fields?: { name: string; dataTypeID: number }[] };
function catalogTypesAsText(result: Result | Result[] | undefined) {
  for (const r of Array.isArray(result) ? result : result ? [result] : [])
    for (const f of r.fields ?? []) {
      if (f.dataTypeID === CHAR) charColumns.add(f.name);
      if (f.dataTypeID === NAME || f.dataTypeID === CHAR) f.dataTypeID = TEXT;
    }
  return result;
}

class CatalogTextClient extends pg.Client {
  // pg.Client.query has a dozen overloads (promise or callback); this one forwards them all.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  query(...args: any[]): any {
    const last = args.length - 1;
    const callback: unknown = args[last];
    if (typeof callback === "function")
      args[last] = (err: unknown, res: Result | Result[]) => callback(err, catalogTypesAsText(res));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    const out = (super.query as (...a: any[]) => unknown)(...args);
    return out instanceof Promise ? out.then(catalogTypesAsText) : out;
  }
}

function withCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    result.columnTypes = result.columnTypes.map((type, i) =>
      charColumns.has(result.columnNames[i] ?? "") ? ColumnTypeEnum.Character : type,
    );
    return result;
  };
  return adapter;
}

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  async adapter() {
    const url = process.env.PRISMA_SHADOW_URL;
    if (!url) throw new Error("PRISMA_SHADOW_URL must name an empty database that may be thrown away.");
    const factory: SqlMigrationAwareDriverAdapterFactory = new PrismaPg(
      new pg.Pool({ connectionString: url, Client: CatalogTextClient }),
    );
    const connect = factory.connect.bind(factory);
    factory.connect = async () => withCharColumns(await connect());
    // The shadow is the database named above (the adapter would create one beside it with default settings).
    factory.connectToShadowDb = factory.connect;
    return factory;
  },
} satisfies PrismaConfig;
