"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { toast } from "@/components/toast";
import { loadApiClient } from "@/trpc/load-client";

/**
 * On first sign-in a person has no zone yet: take the browser's, once, and re-render so every time on the
 * page is in it. A zone the person chose is never overwritten (the server only fills an empty one). The tRPC
 * client is imported when needed: this sits in the workspace layout, whose pages need not load it.
 */
export function DetectZone({ needed }: { needed: boolean }) {
  const router = useRouter();
  const sent = useRef(false);
  useEffect(() => {
    if (!needed || sent.current) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    sent.current = true;
    loadApiClient()
      .then((api) => api.account.setTimeZone.mutate({ timeZone: zone, detected: true }))
      .then(
        () => router.refresh(),
        (err: Error) => toast.error(err.message),
      );
  }, [needed, router]);
  return null;
}
