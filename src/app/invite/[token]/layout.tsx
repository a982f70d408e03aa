import type { ReactNode } from "react";
import { DataLayer } from "@/trpc/data-layer";

export default function InviteLayout({ children }: { children: ReactNode }) {
  return <DataLayer>{children}</DataLayer>;
}
