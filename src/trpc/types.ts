import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** What each procedure answers, for components that take a procedure's data as a prop (`served`, props). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** What each procedure takes. */
export type RouterInputs = inferRouterInputs<AppRouter>;
