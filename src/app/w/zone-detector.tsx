"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/trpc/react";

/**
 * On first sign-in a person has no zone yet: take the browser's, once, and re-render so every time on the
 * page is in it. A zone the person chose is never overwritten (the server only fills an empty one).
 */
export function ZoneDetector({ needed }: { needed: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const sent = useRef(false);
  const save = useMutation(trpc.account.setTimeZone.mutationOptions({ onSuccess: () => router.refresh() }));
  const { mutate } = save;
  useEffect(() => {
    if (!needed || sent.current) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    sent.current = true;
    mutate({ timeZone: zone, detected: true });
  }, [needed, mutate]);
  return null;
}
