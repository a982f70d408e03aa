import type { NextConfig } from "next";

const config: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, and pino
  // uses worker threads; both stay outside the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pino", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // The build checks the app's types only; `npm run typecheck` (part of `npm test`) checks tests too.
  typescript: { tsconfigPath: "tsconfig.build.json" },
};

export default config;
