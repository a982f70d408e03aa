// An editor's record as the server opened it while rendering its page (src/trpc/open-on-server.ts), with the id
// of that render: `useReplayed(opened.render)` (src/trpc/replay.ts) tells a replay from the router's cache on
// back/forward, which the editor reads again from the browser.
export { useReplayed } from "@/trpc/replay";

/** What the server's opening gave: the record, or the message of why it could not be opened. */
export type Opened<T> = { render: string } & ({ ok: true; data: T } | { ok: false; message: string });
