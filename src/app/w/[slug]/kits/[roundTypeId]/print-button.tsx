"use client";

import { Button } from "@/components/ui";

export function PrintButton({ label = "Print kit" }: { label?: string }) {
  return (
    <Button variant="secondary" className="no-print" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
