// The rubric library's shapes: the seeded library (prisma/seed/library-data.ts), and rubric import/export
// files. Shared by the server (validation at load and import) and the browser (forms).
import { z } from "zod";
import { Id, PageFields, VersionNumber, WS } from "./common";
import { DIFFICULTIES, QUESTION_SORTS } from "./values";

import { LEVELS, type Level } from "@/domain/vocabulary";

export { LEVELS, type Level };

const Key = z
  .string()
  .max(60, "A key can have at most 60 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and dashes, like system-design");
const Text = (max: number, what: string) =>
  z.string().trim().min(1, `${what} is required`).max(max, `${what} can have at most ${max} characters`);

export const AnchorsSchema = z.object({
  "1": Text(600, "The anchor for rating 1"),
  "2": Text(600, "The anchor for rating 2"),
  "3": Text(600, "The anchor for rating 3"),
  "4": Text(600, "The anchor for rating 4"),
});

const Weight = z.number().min(0, "A weight cannot be negative").max(5, "A weight can be at most 5");
export const WeightsSchema = z.object({ entry: Weight, mid: Weight, senior: Weight });

export const SignalSeed = z.object({
  key: Key,
  dimension: Key,
  title: Text(120, "A signal title"),
  description: Text(600, "A signal description"),
  anchors: AnchorsSchema,
  weights: WeightsSchema,
});

export const RedFlagSeed = z.object({
  key: Key,
  title: Text(160, "A red flag title"),
  description: Text(600, "A red flag description"),
  roundTypes: z.array(Key).min(1),
});

export const TimingStep = z.object({ minutes: z.number().int().min(1).max(120), activity: Text(200, "A timing step") });

export const RoundTypeSeed = z.object({
  key: Key,
  name: Text(80, "A round type name"),
  description: Text(600, "A round type description"),
  defaultDurationMin: z.number().int().min(10).max(240),
  dimensions: z.array(Key).min(1),
  timingGuide: z.array(TimingStep).min(1),
  signals: z.array(SignalSeed).min(1),
});

export const QuestionSeed = z.object({
  key: Key,
  roundType: Key,
  title: Text(120, "A question title"),
  prompt: Text(2000, "A prompt"),
  probes: Text(600, "What the question probes"),
  followUps: z.array(Text(400, "A follow-up")).min(1),
  signals: z.array(Key).min(1),
  levels: z.array(z.enum(LEVELS)).min(1),
  difficulty: z.enum(DIFFICULTIES),
  /** The prompt of the source guide this question covers (see the seed-completeness test). */
  guidePrompt: z.string().optional(),
});

export const LibrarySeed = z
  .object({
    dimensions: z
      .array(
        z.object({ key: Key, name: Text(80, "A dimension name"), description: Text(600, "A dimension description") }),
      )
      .min(1),
    redFlags: z.array(RedFlagSeed),
    roundTypes: z.array(RoundTypeSeed).min(1),
    questions: z.array(QuestionSeed),
  })
  .superRefine((lib, ctx) => {
    const dims = new Set(lib.dimensions.map((d) => d.key));
    const types = new Map(lib.roundTypes.map((r) => [r.key, new Set(r.signals.map((s) => s.key))]));
    lib.roundTypes.forEach((rt, i) => {
      rt.dimensions.forEach(
        (d) =>
          dims.has(d) ||
          ctx.addIssue({ code: "custom", path: ["roundTypes", i, "dimensions"], message: `Unknown dimension ${d}` }),
      );
      rt.signals.forEach(
        (s, j) =>
          dims.has(s.dimension) ||
          ctx.addIssue({
            code: "custom",
            path: ["roundTypes", i, "signals", j, "dimension"],
            message: `Unknown dimension ${s.dimension}`,
          }),
      );
    });
    lib.redFlags.forEach((f, i) =>
      f.roundTypes.forEach(
        (t) =>
          types.has(t) ||
          ctx.addIssue({ code: "custom", path: ["redFlags", i, "roundTypes"], message: `Unknown round type ${t}` }),
      ),
    );
    lib.questions.forEach((q, i) => {
      const signals = types.get(q.roundType);
      if (!signals)
        return ctx.addIssue({
          code: "custom",
          path: ["questions", i, "roundType"],
          message: `Unknown round type ${q.roundType}`,
        });
      q.signals.forEach(
        (s) =>
          signals.has(s) ||
          ctx.addIssue({
            code: "custom",
            path: ["questions", i, "signals"],
            message: `Signal ${s} is not in round type ${q.roundType}`,
          }),
      );
    });
  });
export type LibrarySeed = z.infer<typeof LibrarySeed>;

// ---------- procedure inputs ----------

const DimensionKeys = z.array(Key).min(1, "Choose at least one dimension").max(12);

export const CreateRoundTypeInput = z.object({
  ...WS,
  name: Text(80, "A name"),
  description: Text(600, "A description"),
  defaultDurationMin: z
    .number()
    .int()
    .min(10, "A round lasts at least 10 minutes")
    .max(240, "A round lasts at most 240 minutes"),
  dimensionKeys: DimensionKeys,
});
export const UpdateRoundTypeInput = z.object({
  ...WS,
  roundTypeId: Id,
  name: Text(80, "A name").optional(),
  description: Text(600, "A description").optional(),
  defaultDurationMin: z.number().int().min(10).max(240).optional(),
  dimensionKeys: DimensionKeys.optional(),
});
export const CopyRoundTypeInput = z.object({ ...WS, roundTypeId: Id, name: Text(80, "A name").optional() });
export const ArchiveRoundTypeInput = z.object({ ...WS, roundTypeId: Id, archived: z.boolean() });
export const ListLibraryInput = z.object({ ...WS, includeArchived: z.boolean().default(false) });

export const RubricRef = z.object({ ...WS, rubricId: Id });
export const GetRubricInput = z.object({ ...WS, rubricId: Id, version: VersionNumber.optional() });
export const CreateRubricInput = z.object({ ...WS, roundTypeId: Id, name: Text(120, "A rubric name") });
export const CopyRubricInput = z.object({ ...WS, rubricId: Id, name: Text(120, "A rubric name").optional() });
export const ArchiveRubricInput = z.object({ ...WS, rubricId: Id, archived: z.boolean() });

export const SignalFields = z.object({
  dimensionKey: Key,
  title: Text(120, "A title"),
  description: Text(600, "A description"),
  anchors: AnchorsSchema,
  weights: WeightsSchema,
});
export const SaveSignalInput = SignalFields.extend({ ...WS, rubricId: Id, signalId: Id.optional() });
export const SignalRef = z.object({ ...WS, rubricId: Id, signalId: Id });
export const MoveSignalInput = SignalRef.extend({ direction: z.enum(["up", "down"]) });
export const SaveRedFlagInput = z.object({
  ...WS,
  rubricId: Id,
  redFlagId: Id.optional(),
  title: Text(160, "A title"),
  description: Text(600, "A description"),
});
export const RedFlagRef = z.object({ ...WS, rubricId: Id, redFlagId: Id });
export const PublishRubricInput = z.object({ ...WS, rubricId: Id, changeSummary: Text(500, "A change summary") });
export const CompareRubricInput = z.object({ ...WS, rubricId: Id, from: VersionNumber, to: VersionNumber });
export const ExportRubricInput = z.object({ ...WS, rubricId: Id, version: VersionNumber.optional() });
export const ImportRubricInput = z.object({
  ...WS,
  file: z.string().min(2, "The file is empty").max(1_000_000, "The file is larger than 1 MB"),
});

/** The rubric file format (export and import). */
export const RubricFile = z.object({
  format: z.literal("loopwise.rubric", {
    error: 'This is not a Loopwise rubric file (expected "format": "loopwise.rubric")',
  }),
  formatVersion: z.literal(1, { error: "Only formatVersion 1 is supported" }),
  name: Text(120, "The rubric name"),
  roundType: z.object({ key: Key, name: z.string().optional() }),
  signals: z
    .array(
      z.object({
        key: Key,
        dimension: Key,
        title: Text(120, "A signal title"),
        description: Text(600, "A signal description"),
        anchors: AnchorsSchema,
        weights: WeightsSchema,
      }),
    )
    .min(1, "A rubric needs at least one signal")
    .max(100),
  redFlags: z
    .array(
      z.object({ key: Key, title: Text(160, "A red flag title"), description: Text(600, "A red flag description") }),
    )
    .max(100),
});
export type RubricFile = z.infer<typeof RubricFile>;

export const ListQuestionsInput = z.object({
  ...WS,
  roundTypeId: Id.optional(),
  signalKey: Key.optional(),
  level: z.enum(LEVELS).optional(),
  search: z.string().trim().max(200).optional(),
  includeArchived: z.boolean().default(false),
});
/** One page of the question bank: the same filters, sorted by round type, title or newest first. */
export const ListQuestionsPageInput = ListQuestionsInput.extend({
  ...PageFields,
  sort: z.enum(QUESTION_SORTS).default("roundType"),
});
export type ListQuestionsPageInput = z.input<typeof ListQuestionsPageInput>;
export const QuestionFields = z.object({
  roundTypeId: Id,
  title: Text(120, "A title"),
  prompt: Text(2000, "A prompt"),
  probes: Text(600, "What it probes"),
  followUps: z.array(Text(400, "A follow-up")).max(10),
  signalKeys: z.array(Key).max(20),
  levels: z.array(z.enum(LEVELS)).min(1, "Choose at least one level"),
  difficulty: z.enum(DIFFICULTIES),
});
export const SaveQuestionInput = QuestionFields.extend({ ...WS, questionId: Id.optional() });
export const ArchiveQuestionInput = z.object({ ...WS, questionId: Id, archived: z.boolean() });
export const GetKitInput = z.object({
  ...WS,
  roundTypeId: Id,
  questionId: Id.optional(),
  /** The booked round's length: the timing guide is fitted to it (the round type's default otherwise). */
  minutes: z.number().int().min(10).max(240).optional(),
});
