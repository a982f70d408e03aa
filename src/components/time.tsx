"use client";

import { createContext, useContext, type ReactNode } from "react";
import { FALLBACK_ZONE, formatInZone, type TimeStyle } from "@/domain/time-zone";

const ViewerZone = createContext<string>(FALLBACK_ZONE);

/** Sets the zone every time below it is shown in: the viewer's own (see personZone). */
export function ViewerZoneProvider({ zone, children }: { zone: string; children: ReactNode }) {
  return <ViewerZone.Provider value={zone}>{children}</ViewerZone.Provider>;
}

export function useViewerZone(): string {
  return useContext(ViewerZone);
}

/**
 * A timestamp in the viewer's zone with the zone's abbreviation. The zone comes from the server, so the
 * server's render and the browser's are the same text, whatever zone either machine runs in.
 */
export function LocalTime({
  value,
  style = "medium",
  zone,
}: {
  value: Date | string;
  style?: TimeStyle;
  zone?: string;
}) {
  const viewer = useViewerZone();
  const date = typeof value === "string" ? new Date(value) : value;
  return <time dateTime={date.toISOString()}>{formatInZone(date, zone ?? viewer, style)}</time>;
}
