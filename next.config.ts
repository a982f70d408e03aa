import type { NextConfig } from "next";
import { IMPORT_MAX_MB } from "./src/domain/import-limit";

const config: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, and pino
  // uses worker threads; both stay outside the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pino", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // The build checks the app's types only; `npm run typecheck` (part of `npm test`) checks tests too.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // A workspace import's body is the whole export file (docs/export.md); the proxy would cut it at 10 MB.
  experimental: { proxyClientMaxBodySize: IMPORT_MAX_MB * 1024 * 1024 },
};

export default config;
