import { maxBatchSize } from "@/trpc/batch-size";
import { DetectZone } from "./detect-zone";

/** Saves the browser's zone for a person who has none yet (see DetectZone). */
export function ZoneDetector({ needed }: { needed: boolean }) {
  return <DetectZone needed={needed} maxBatchSize={maxBatchSize()} />;
}
