import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAutosave, type SavedVersion } from "./autosave";

type Call = { value: string; expectedVersion: number; resolve: (v: SavedVersion) => void; reject: (e: Error) => void };

/** An autosave whose saves wait until the test answers them. */
function setup(delayMs = 800) {
  const calls: Call[] = [];
  const autosave = createAutosave<string>({
    delayMs,
    save: (value, expectedVersion) =>
      new Promise<SavedVersion>((resolve, reject) => calls.push({ value, expectedVersion, resolve, reject })),
  });
  autosave.reset(1);
  return { autosave, calls };
}

/** Lets the promise callbacks of an answered save run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createAutosave", () => {
  it("coalesces edits within the pause into one save of the latest value", async () => {
    const { autosave, calls } = setup();
    autosave.edit("a");
    vi.advanceTimersByTime(500);
    autosave.edit("ab");
    vi.advanceTimersByTime(500);
    autosave.edit("abc");
    expect(autosave.getSnapshot()).toMatchObject({ dirty: true, state: { kind: "idle" } });
    vi.advanceTimersByTime(799);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(calls.map((c) => [c.value, c.expectedVersion])).toEqual([["abc", 1]]);
    expect(autosave.getSnapshot()).toMatchObject({ dirty: false, state: { kind: "saving" } });

    calls[0]!.resolve({ version: 2, updatedAt: "2026-12-04T10:15:00Z" });
    await settle();
    expect(autosave.getSnapshot()).toEqual({
      dirty: false,
      version: 2,
      state: { kind: "saved", at: new Date("2026-12-04T10:15:00Z") },
    });
    vi.advanceTimersByTime(5000);
    expect(calls).toHaveLength(1);
  });

  it("queues an edit made while a save is in flight and sends it with the version that save returned", async () => {
    const { autosave, calls } = setup();
    autosave.edit("first");
    vi.advanceTimersByTime(800);
    expect(calls).toHaveLength(1);

    autosave.edit("second");
    vi.advanceTimersByTime(800);
    // Its pause has passed, but one save at a time: it waits, still unsaved.
    expect(calls).toHaveLength(1);
    expect(autosave.getSnapshot()).toMatchObject({ dirty: true, state: { kind: "saving" } });

    calls[0]!.resolve({ version: 2, updatedAt: "2026-12-04T10:15:00Z" });
    await settle();
    expect(calls.map((c) => [c.value, c.expectedVersion])).toEqual([
      ["first", 1],
      ["second", 2],
    ]);
    calls[1]!.resolve({ version: 3, updatedAt: "2026-12-04T10:15:02Z" });
    await settle();
    expect(autosave.getSnapshot()).toMatchObject({ dirty: false, version: 3, state: { kind: "saved" } });
  });

  it("keeps an edit made while a save is in flight when that save ends before the edit's pause", async () => {
    const { autosave, calls } = setup();
    autosave.edit("first");
    vi.advanceTimersByTime(800);
    autosave.edit("second");
    calls[0]!.resolve({ version: 2, updatedAt: "2026-12-04T10:15:00Z" });
    await settle();
    expect(autosave.getSnapshot()).toMatchObject({ dirty: true, version: 2, state: { kind: "saved" } });
    vi.advanceTimersByTime(800);
    expect(calls.map((c) => [c.value, c.expectedVersion])).toEqual([
      ["first", 1],
      ["second", 2],
    ]);
  });

  it("reports a failed save, keeps the value unsaved, and sends the latest value again on the next edit or flush", async () => {
    const { autosave, calls } = setup();
    autosave.edit("lost?");
    vi.advanceTimersByTime(800);
    calls[0]!.reject(new Error("Someone else saved this scorecard. Reload the latest version."));
    await settle();
    expect(autosave.getSnapshot()).toEqual({
      dirty: true,
      version: 1,
      state: { kind: "error", message: "Someone else saved this scorecard. Reload the latest version." },
    });
    // Nothing retries by itself (a conflict would only fail again)...
    vi.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(1);
    // ...but flushing sends the same value again, with the version it still holds.
    autosave.flush();
    expect(calls.map((c) => [c.value, c.expectedVersion])).toEqual([
      ["lost?", 1],
      ["lost?", 1],
    ]);
    calls[1]!.reject(new Error("Network down"));
    await settle();
    autosave.edit("newer");
    vi.advanceTimersByTime(800);
    expect(calls[2]).toMatchObject({ value: "newer", expectedVersion: 1 });
    calls[2]!.resolve({ version: 2, updatedAt: "2026-12-04T10:16:00Z" });
    await settle();
    expect(autosave.getSnapshot()).toMatchObject({ dirty: false, version: 2, state: { kind: "saved" } });
  });

  it("flush saves at once, and after the save in flight when there is one", async () => {
    const { autosave, calls } = setup();
    autosave.flush();
    expect(calls).toHaveLength(0);
    autosave.edit("typed");
    autosave.flush();
    expect(calls.map((c) => c.value)).toEqual(["typed"]);
    vi.advanceTimersByTime(800);
    expect(calls).toHaveLength(1);

    autosave.edit("more");
    autosave.flush();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ version: 2, updatedAt: "2026-12-04T10:15:00Z" });
    await settle();
    expect(calls.map((c) => [c.value, c.expectedVersion])).toEqual([
      ["typed", 1],
      ["more", 2],
    ]);
  });

  it("reset forgets unsent edits and ignores the answer of a save sent before it", async () => {
    const { autosave, calls } = setup();
    autosave.edit("old");
    vi.advanceTimersByTime(800);
    autosave.edit("unsent");
    autosave.reset(7, { kind: "saved", at: new Date("2026-12-04T11:00:00Z") });
    vi.advanceTimersByTime(5000);
    calls[0]!.reject(new Error("stale"));
    await settle();
    expect(calls).toHaveLength(1);
    expect(autosave.getSnapshot()).toEqual({
      dirty: false,
      version: 7,
      state: { kind: "saved", at: new Date("2026-12-04T11:00:00Z") },
    });
    autosave.edit("after");
    vi.advanceTimersByTime(800);
    expect(calls[1]).toMatchObject({ value: "after", expectedVersion: 7 });
  });

  it("tells subscribers of every change and stops when they unsubscribe", () => {
    const { autosave } = setup();
    const listener = vi.fn();
    const unsubscribe = autosave.subscribe(listener);
    autosave.edit("a");
    vi.advanceTimersByTime(800);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    autosave.edit("b");
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("starts from the version and state it was opened with", () => {
    const calls: { value: string; expectedVersion: number }[] = [];
    const at = new Date("2026-12-04T10:00:00Z");
    const autosave = createAutosave<string>({
      delayMs: 800,
      save: (value, expectedVersion) => {
        calls.push({ value, expectedVersion });
        return new Promise<SavedVersion>(() => {});
      },
      initial: { version: 4, state: { kind: "saved", at } },
    });
    expect(autosave.getSnapshot()).toEqual({ dirty: false, version: 4, state: { kind: "saved", at } });
    autosave.edit("next");
    vi.advanceTimersByTime(800);
    expect(calls).toEqual([{ value: "next", expectedVersion: 4 }]);
  });
});
