"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * A list filter kept in the page's URL (`?key=value`), so a reload, a shared link or the back button keeps
 * it. The empty string (or the default) removes the key. Written with history.replaceState, which Next.js
 * syncs into useSearchParams without a server round trip, so typing in a search box stays instant and does
 * not pile up back-button stops.
 */
export function useUrlState(key: string, fallback = ""): [string, (value: string) => void] {
  const params = useSearchParams();
  const value = params.get(key) ?? fallback;
  const setValue = useCallback(
    (next: string) => {
      const updated = new URLSearchParams(window.location.search);
      if (next === "" || next === fallback) updated.delete(key);
      else updated.set(key, next);
      const query = updated.toString();
      window.history.replaceState(window.history.state, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
    },
    [key, fallback],
  );
  return [value, setValue];
}
