"use client";

// The browser's router keeps a page's render and shows it again on back/forward without asking the server. By
// then what the server read may have moved on (autosaves, a release, a loop created elsewhere), so a component
// that starts from the server's data (`serve()` in src/trpc/server.tsx, `openOnServer`) is handed an id of the
// render with it, and one that sees a render already shown in this tab reads again from the browser.
import { useState } from "react";

const shown = new Set<string>();

/** Note a render as shown in this tab; true when it was shown before (a replay from the router's cache). */
export function remember(render: string | undefined): boolean {
  if (render === undefined) return false;
  const seen = shown.has(render);
  shown.add(render);
  return seen;
}

/** True when this render of the page was shown before in this tab, read once when the component mounts. */
export function useReplayed(render: string | undefined): boolean {
  const [replayed] = useState(() => remember(render));
  return replayed;
}
