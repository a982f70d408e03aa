"use client";

// Pages whose client components start from what the server read while rendering them: editors whose record is
// "opened" there (the scorecard, the report draft: src/trpc/open-on-server.ts) and views served by `serve()`
// (the loop board, a loop). The page hands over an id of its render with the data. The browser's router keeps a
// page's render and shows it again on back/forward without asking the server: by then the record may have moved
// on (autosaves, a release, a loop created), so a component that sees a render it has already shown in this tab
// reads it again from the browser, as it did on every mount before.
import { useState } from "react";

/** What the server's opening gave: the record, or the message of why it could not be opened. */
export type Opened<T> = { render: string } & ({ ok: true; data: T } | { ok: false; message: string });

const shown = new Set<string>();

/** True when this render of the page was shown before in this tab (a replay from the router's cache). */
export function useReplayed(render: string): boolean {
  const [replayed] = useState(() => {
    const seen = shown.has(render);
    shown.add(render);
    return seen;
  });
  return replayed;
}
