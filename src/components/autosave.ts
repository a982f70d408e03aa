import { useEffect, useRef, useState, useSyncExternalStore } from "react";

/** What the save indicator shows. */
export type SaveState =
  { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "error"; message: string };

export type AutosaveSnapshot = {
  state: SaveState;
  /** The version the next save says it edited (optimistic concurrency). */
  version: number;
  /** An edit has not been sent yet (or its save failed). */
  dirty: boolean;
};

/** The server's answer to a save: the new version and when it was written. */
export type SavedVersion = { version: number; updatedAt: Date | string };

export type Autosave<T> = {
  getSnapshot(): AutosaveSnapshot;
  subscribe(listener: () => void): () => void;
  /** Records the latest value; it is saved after a pause of `delayMs` with no further edit. */
  edit(value: T): void;
  /** Saves the latest edit now (after the save in flight, if there is one). Nothing to save, nothing happens. */
  flush(): void;
  /** Forgets unsent edits and answers still to come, e.g. after (re)loading the record or saving it another way. */
  reset(version: number, state?: SaveState): void;
};

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : "The draft could not be saved.";
}

/**
 * Debounced saving of a whole value with optimistic versions, independent of React so its timing can be tested.
 * One save is in flight at a time, each naming the version the previous one returned; an edit made meanwhile
 * waits for it and is sent as soon as it ends (if its pause has passed), so it is neither lost nor sent with a
 * stale version. A failed save is reported and kept: the next edit or `flush` sends the latest value again.
 */
export function createAutosave<T>({
  delayMs,
  save,
  initial,
}: {
  delayMs: number;
  save: (value: T, expectedVersion: number) => Promise<SavedVersion>;
  /** The record as it was opened (the server's render): its version and what the indicator shows first. */
  initial?: { version: number; state?: SaveState };
}): Autosave<T> {
  let snapshot: AutosaveSnapshot = {
    state: initial?.state ?? { kind: "idle" },
    version: initial?.version ?? 0,
    dirty: false,
  };
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  // The pause passed (or a flush asked) while a save was in flight: send as soon as it ends.
  let due = false;
  // Bumped by reset(): answers to saves sent before it are ignored.
  let generation = 0;
  const listeners = new Set<() => void>();

  const publish = (patch: Partial<Omit<AutosaveSnapshot, "dirty">>) => {
    snapshot = { ...snapshot, ...patch, dirty: pending !== null };
    for (const listener of listeners) listener();
  };
  const stopTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const send = () => {
    stopTimer();
    if (pending === null) return;
    if (inFlight) {
      due = true;
      return;
    }
    const { value } = pending;
    pending = null;
    inFlight = true;
    due = false;
    const sentIn = generation;
    publish({ state: { kind: "saving" } });
    save(value, snapshot.version).then(
      (saved) => {
        if (sentIn !== generation) return;
        inFlight = false;
        publish({ version: saved.version, state: { kind: "saved", at: new Date(saved.updatedAt) } });
        if (due) send();
      },
      (err: unknown) => {
        if (sentIn !== generation) return;
        inFlight = false;
        due = false;
        // Still unsaved, unless a newer edit has taken its place.
        pending ??= { value };
        publish({ state: { kind: "error", message: messageOf(err) } });
      },
    );
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    edit(value) {
      pending = { value };
      stopTimer();
      timer = setTimeout(send, delayMs);
      publish({});
    },
    flush: send,
    reset(version, state = { kind: "idle" }) {
      generation += 1;
      stopTimer();
      pending = null;
      inFlight = false;
      due = false;
      publish({ version, state });
    },
  };
}

/**
 * Autosave for a form: `createAutosave` with the current `save` function, flushed when the page is hidden or
 * left (switching tabs, closing, navigating away inside the app), so a pause that has not passed yet loses nothing.
 */
export function useAutosave<T>(
  delayMs: number,
  save: (value: T, expectedVersion: number) => Promise<SavedVersion>,
  initial?: { version: number; state?: SaveState },
): AutosaveSnapshot & Omit<Autosave<T>, "getSnapshot" | "subscribe"> {
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  const [autosave] = useState(() =>
    createAutosave<T>({ delayMs, save: (value, version) => saveRef.current(value, version), initial }),
  );
  const snapshot = useSyncExternalStore(autosave.subscribe, autosave.getSnapshot, autosave.getSnapshot);
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") autosave.flush();
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", autosave.flush);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", autosave.flush);
      autosave.flush();
    };
  }, [autosave]);
  return { ...snapshot, edit: autosave.edit, flush: autosave.flush, reset: autosave.reset };
}
