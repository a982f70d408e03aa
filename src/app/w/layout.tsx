import type { ReactNode } from "react";
import { DataLayer } from "@/trpc/data-layer";

export default function SignedInLayout({ children }: { children: ReactNode }) {
  return <DataLayer>{children}</DataLayer>;
}
