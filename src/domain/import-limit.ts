// The largest workspace.json an import accepts (docs/export.md). next.config.ts lets request bodies this large
// through the proxy (Next cuts them at 10 MB by default), so the two cannot disagree; no imports, so the
// config can load it.
export const IMPORT_MAX_MB = 200;
