"use client";

// One server call from a form or a button. The tRPC client (src/trpc/vanilla.ts) is fetched once the form
// has mounted, as forms fetch their zod schemas (src/components/errors.ts), and again on first use if that
// early fetch failed. After a call, the form shows the server's data again with `router.refresh()` (what the
// page rendered), `invalidate(...)` (what light reads show, src/trpc/light-query.ts), or moves on. Errors:
// what the server said, as a toast, unless the form shows its errors itself (`errorToast: false`).
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "@/components/toast";
import type { ApiClient } from "./vanilla";

import { loadApiClient as loadClient } from "./load-client";

export interface ActionOptions<TInput, TOutput> {
  onSuccess?: (data: TOutput, input: TInput) => void;
  onError?: (err: unknown, input: TInput) => void;
  /** false: the form shows the server's errors itself (inline), so no toast. */
  errorToast?: boolean;
}

/**
 * `const save = useAction((api) => api.account.setTimeZone.mutate, { onSuccess })`, then `save.mutate(input)`
 * and `save.isPending` (a button's busy state). A call made while one is pending is not sent twice.
 */
export function useAction<TInput, TOutput>(
  procedure: (api: ApiClient) => (input: TInput) => Promise<TOutput>,
  options: ActionOptions<TInput, TOutput> = {},
) {
  const [isPending, setPending] = useState(false);
  const pending = useRef(false);
  const latest = useRef({ procedure, options });
  useEffect(() => {
    latest.current = { procedure, options };
  });
  // A failed early fetch is not an error yet: `mutate` imports again.
  useEffect(() => void loadClient().catch(() => {}), []);
  const mutate = useCallback((input: TInput) => {
    if (pending.current) return;
    pending.current = true;
    setPending(true);
    const settled = () => {
      pending.current = false;
      setPending(false);
      return latest.current.options;
    };
    void loadClient()
      .then((api) => latest.current.procedure(api)(input))
      .then(
        (data) => settled().onSuccess?.(data, input),
        (err: unknown) => {
          const options = settled();
          if (options.errorToast !== false) toast.error(err instanceof Error ? err.message : String(err));
          options.onError?.(err, input);
        },
      );
  }, []);
  return { mutate, isPending };
}
