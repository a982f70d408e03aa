"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@/server/api/root";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** What each procedure answers, for components that take a query's data as a prop. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

declare module "@tanstack/react-query" {
  interface Register {
    mutationMeta: {
      /** false: the mutation shows its own errors (inline), so the default error toast stays away. */
      errorToast?: boolean;
    };
  }
}

/** For a mutation that shows its errors itself: `mutationOptions({ meta: ownErrors, onError })`. */
export const ownErrors = { errorToast: false } as const;
