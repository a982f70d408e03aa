"use client";
// Re-renders a server page every few seconds while something it shows is being recomputed in the
// background (the calibration fit), and says so; stops by itself after `forMs`.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function CalibrationUpdating({ everyMs = 2_000, forMs = 120_000 }: { everyMs?: number; forMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > forMs) clearInterval(timer);
      else router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs, forMs]);
  return (
    <p
      role="status"
      data-testid="calibration-updating"
      className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
    >
      Updating the calibrated scores with the latest scorecards… the numbers below refresh by themselves in a few
      seconds.
    </p>
  );
}
