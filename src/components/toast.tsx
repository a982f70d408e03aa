"use client";

// Toasts without sonner in the first load: `toast.success` / `toast.error` have sonner's signature, but sonner
// (and its <Toaster>) are fetched when the page is idle, or at once when a toast is asked for before that. A
// toast asked for early waits until the Toaster listens, so none is lost.
import { useEffect, useState } from "react";
import type * as SonnerModule from "sonner";

type Sonner = typeof SonnerModule;
type Show = Sonner["toast"]["success"];

let loading: Promise<Sonner> | null = null;
const load = () => (loading ??= import("sonner"));

let markListening: () => void = () => {};
const listening = new Promise<void>((resolve) => (markListening = resolve));
let mountNow: () => void = () => void load();

function show(kind: "success" | "error"): (...args: Parameters<Show>) => void {
  return (...args) => {
    mountNow();
    void Promise.all([load(), listening]).then(([{ toast }]) => toast[kind](...args));
  };
}

export const toast = { success: show("success"), error: show("error") };

/** Mounted once in the root layout; renders sonner's Toaster once it is loaded. */
export function LazyToaster(props: Parameters<Sonner["Toaster"]>[0]) {
  const [sonner, setSonner] = useState<Sonner | null>(null);
  useEffect(() => {
    let cancelled = false;
    const mount = () => void load().then((mod) => !cancelled && setSonner(() => mod));
    mountNow = mount;
    const idle = window.requestIdleCallback ? window.requestIdleCallback(mount, { timeout: 3000 }) : null;
    const timer = idle === null ? window.setTimeout(mount, 1000) : null;
    return () => {
      cancelled = true;
      if (idle !== null) window.cancelIdleCallback(idle);
      if (timer !== null) window.clearTimeout(timer);
    };
  }, []);
  if (!sonner) return null;
  return (
    <>
      <sonner.Toaster {...props} />
      <Listening />
    </>
  );
}

/** A sibling after the Toaster: its effect runs after the Toaster's own effects have subscribed. */
function Listening() {
  useEffect(() => markListening(), []);
  return null;
}
