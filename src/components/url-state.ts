"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";

/**
 * A list filter kept in the page's URL (`?key=value`), so a reload, a shared link or the back button keeps
 * it. The value lives in React state (read from the URL once, on mount) and every change is mirrored into
 * the URL with history.replaceState: no server round trip, no back-button stop per keystroke. The empty
 * string (or the default) removes the key.
 */
export function useUrlState(key: string, fallback = ""): [string, (value: string) => void] {
  const params = useSearchParams();
  const [value, setState] = useState(() => params.get(key) ?? fallback);
  const setValue = useCallback(
    (next: string) => {
      setState(next);
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
