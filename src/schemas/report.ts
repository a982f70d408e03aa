// A released report's stored content, read back through one parser. Versions released before per-loop
// scores stored `calibrated` and `standardError` as plain numbers and had no loop label; they are read
// as calibrated scores with no rounds listed, so old reports keep showing exactly what was released.
import { z } from "zod";
import type { ReportContent } from "@/domain/report";
import { LEVELS } from "@/domain/vocabulary";
import { Id, PageFields, WS } from "./common";

const DimensionScore = z.object({
  key: z.string(),
  name: z.string(),
  score: z.number(),
  calibrated: z.boolean(),
  standardError: z.number().nullable(),
  rounds: z.array(z.string()),
  note: z.string().nullable(),
});

const Dimension = z.union([
  DimensionScore,
  z.object({ key: z.string(), name: z.string(), calibrated: z.number(), standardError: z.number() }).transform((d) => ({
    key: d.key,
    name: d.name,
    score: d.calibrated,
    calibrated: true,
    standardError: d.standardError,
    rounds: [],
    note: null,
  })),
]);

const Titled = z.object({ title: z.string(), note: z.string() });

export const ReportContentSchema = z.object({
  summary: z.string(),
  level: z.enum(LEVELS),
  bar: z.number(),
  loop: z.object({ label: z.string(), heldOn: z.string().nullable() }).nullable().default(null),
  dimensions: z.array(Dimension),
  strengths: z.array(Titled),
  growthAreas: z.array(Titled),
  redFlags: z.array(z.string()),
  excerpts: z.array(z.object({ signalTitle: z.string(), text: z.string(), by: z.string().nullable() })),
  practicePlan: z.array(
    z.object({
      days: z.string(),
      focus: z.string(),
      items: z.array(
        z.object({ signalTitle: z.string(), questionId: z.string().nullable(), questionTitle: z.string().nullable() }),
      ),
    }),
  ),
  decidedAt: z.string().nullable(),
}) satisfies z.ZodType<ReportContent, unknown>;

/** Report content as read back (older stored shapes converted): what the public API documents and sends. */
export const ReadReportContentSchema = ReportContentSchema.extend({ dimensions: z.array(DimensionScore) });

/** Stored report content (a JSON column) as a typed value; throws if the stored shape is unknown. */
export function readReportContent(json: unknown): ReportContent {
  return ReportContentSchema.parse(json);
}

// The coach's draft: what they write and pick, saved as they edit.
const Plain = (max: number) => z.string().trim().max(max);
export const ReportDraftSchema = z.object({
  summary: Plain(4000),
  strengths: z.array(z.object({ title: Plain(200), note: Plain(1000) })).max(10),
  growthAreas: z.array(z.object({ title: Plain(200), note: Plain(1000) })).max(10),
  excerpts: z
    .array(
      z.object({
        signalTitle: Plain(200),
        text: Plain(2000).min(1, "An excerpt cannot be empty"),
        by: z.string().max(200).nullable(),
      }),
    )
    .max(20),
});
export const SaveReportDraftInput = z.object({ ...WS, loopId: Id, draft: ReportDraftSchema });
/** Released reports (coaches, the public API), newest first, a page at a time, optionally of one loop. */
export const ListReleasedReportsInput = z.object({ ...WS, loopId: Id.optional(), ...PageFields });
