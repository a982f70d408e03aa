import type { getServerCaller } from "@/trpc/server";

/** What the home page shows, as the API answers it. */
export type Home = Awaited<ReturnType<Awaited<ReturnType<typeof getServerCaller>>["home"]["get"]>>;
