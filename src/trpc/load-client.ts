// The browser's tRPC client (src/trpc/vanilla.ts), fetched on first need, never part of a page's first load:
// forms (action.ts), light reads (light-query.ts) and the few components that call the server themselves.
export const loadApiClient = () => import("./vanilla").then((m) => m.browserActionClient());
