// What the REST API answers, as zod schemas: each endpoint's output is parsed through its schema (so only
// these fields leave the server, whatever a procedure returns besides), and the OpenAPI document is
// generated from the same schemas. Inputs are the app's own schemas from src/schemas (see routes.ts).
import { z } from "zod";
import { LOOP_STATUSES } from "@/domain/loop-status";
import { ROLES } from "@/domain/roles";
import { DECISIONS, LEVELS, RECOMMENDATIONS } from "@/domain/vocabulary";
import { ReadReportContentSchema } from "@/schemas/report";
import { SaveScorecardInput } from "@/schemas/scorecard";

/** Sent as an ISO 8601 date-time in UTC (openapi.ts renders it so). */
const Timestamp = z.date().meta({ description: "ISO 8601 date-time in UTC" });
const Cursor = z
  .string()
  .nullable()
  .meta({ description: "Pass as `cursor` to get the next page; null on the last page." });

const Person = z
  .object({ memberId: z.string().nullable(), name: z.string(), email: z.string().nullable() })
  .meta({ id: "Person" });

export const LoopSummary = z
  .object({
    id: z.string(),
    candidate: z.string(),
    targetRole: z.string(),
    level: z.enum(LEVELS),
    status: z.enum(LOOP_STATUSES),
    rounds: z.number().int().meta({ description: "Rounds that are not cancelled" }),
    scheduled: z.number().int().meta({ description: "Rounds booked" }),
    nextRoundAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: "LoopSummary" });
export const LoopPage = z.object({ items: z.array(LoopSummary), nextCursor: Cursor }).meta({ id: "LoopPage" });

export const Round = z
  .object({
    id: z.string(),
    order: z.number().int(),
    roundType: z.object({ id: z.string(), name: z.string(), key: z.string() }),
    durationMin: z.number().int(),
    status: z.enum(["unscheduled", "scheduled", "cancelled"]),
    startsAt: Timestamp.nullable(),
    endsAt: Timestamp.nullable(),
    location: z.string().nullable(),
    interviewer: Person.nullable(),
    shadow: Person.nullable(),
    questionId: z.string().nullable(),
    cancelledAt: Timestamp.nullable(),
    cancelReason: z.string().nullable(),
  })
  .meta({ id: "Round" });
export const RoundList = z.object({ items: z.array(Round) }).meta({ id: "RoundList" });

export const Loop = z
  .object({
    id: z.string(),
    status: z.enum(LOOP_STATUSES),
    targetRole: z.string(),
    level: z.enum(LEVELS),
    notes: z.string(),
    candidate: Person.nullable(),
    coach: Person.nullable(),
    rounds: z.array(Round),
  })
  .meta({ id: "Loop" });

const Ratings = SaveScorecardInput.shape.ratings;
export const Scorecard = z
  .object({
    id: z.string(),
    roundId: z.string(),
    interviewerMemberId: z.string(),
    status: z.enum(["draft", "submitted"]),
    content: z.boolean().meta({
      description: "False for another interviewer's draft: only its status is shown, never its content.",
    }),
    version: z.number().int().optional(),
    ratings: Ratings.optional(),
    redFlagKeys: z.array(z.string()).optional(),
    recommendation: z.enum(RECOMMENDATIONS).nullable().optional(),
    summary: z.string().optional(),
    submittedAt: Timestamp.nullable().optional(),
    updatedAt: Timestamp.optional(),
  })
  .meta({ id: "Scorecard" });
export const ScorecardList = z.object({ items: z.array(Scorecard) }).meta({ id: "ScorecardList" });

export const SubmittedScorecard = z
  .object({
    id: z.string(),
    status: z.enum(["draft", "submitted"]),
    version: z.number().int(),
    ratings: Ratings,
    redFlagKeys: z.array(z.string()),
    recommendation: z.enum(RECOMMENDATIONS).nullable(),
    summary: z.string(),
    submittedAt: Timestamp.nullable(),
    updatedAt: Timestamp,
  })
  .meta({ id: "SubmittedScorecard" });

export const Debrief = z
  .object({
    loop: z.object({
      id: z.string(),
      targetRole: z.string(),
      level: z.enum(LEVELS),
      status: z.enum(LOOP_STATUSES),
      candidate: z.string(),
    }),
    pendingScorecards: z.number().int(),
    tracker: z.array(
      z.object({
        roundId: z.string(),
        round: z.string(),
        interviewer: z.string().nullable(),
        startsAt: Timestamp.nullable(),
        endsAt: Timestamp.nullable(),
        state: z.enum(["submitted", "draft", "due", "upcoming", "unbooked"]),
        submittedAt: Timestamp.nullable(),
      }),
    ),
    cancelledRounds: z.array(z.string()),
    splitRecommendation: z.boolean(),
    evidence: z.array(
      z.object({
        signalKey: z.string(),
        title: z.string(),
        items: z.array(
          z.object({
            interviewer: z.string(),
            roundType: z.string(),
            rating: z.union([z.number(), z.string(), z.null()]),
            evidence: z.string(),
          }),
        ),
      }),
    ),
    decision: z
      .object({
        decision: z.enum(DECISIONS).nullable(),
        rationale: z.string(),
        notes: z.string(),
        decidedAt: Timestamp.nullable(),
        locked: z.boolean(),
      })
      .nullable(),
  })
  .meta({ id: "Debrief" });

export const ReportSummary = z
  .object({
    id: z.string(),
    loopId: z.string(),
    candidateMemberId: z.string().nullable(),
    version: z.number().int(),
    releasedAt: Timestamp,
  })
  .meta({ id: "ReportSummary" });
export const ReportPage = z.object({ items: z.array(ReportSummary), nextCursor: Cursor }).meta({ id: "ReportPage" });
export const Report = ReportSummary.extend({
  content: ReadReportContentSchema.meta({ description: "The report exactly as its candidate reads it." }),
}).meta({ id: "Report" });

export const MemberList = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        role: z.enum(ROLES),
        joinedAt: Timestamp,
        userId: z.string(),
        name: z.string().nullable(),
        email: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "MemberList" });

export const RoundTypeLibrary = z
  .object({
    dimensions: z.array(z.object({ key: z.string(), name: z.string(), description: z.string() })),
    roundTypes: z.array(
      z.object({
        id: z.string(),
        key: z.string(),
        name: z.string(),
        description: z.string(),
        defaultDurationMin: z.number().int(),
        dimensionKeys: z.array(z.string()),
        archived: z.boolean(),
        questionCount: z.number().int(),
      }),
    ),
  })
  .meta({ id: "RoundTypeLibrary" });

export const ScoringRubric = z
  .object({
    versionId: z.string().meta({ description: "The exact rubric version; published versions never change." }),
    version: z.number().int(),
    rubric: z.object({ id: z.string(), name: z.string() }),
    roundType: z.object({ id: z.string(), name: z.string() }),
    dimensions: z.array(z.object({ key: z.string(), name: z.string(), description: z.string() })),
    signals: z.array(
      z.object({
        key: z.string().meta({ description: "The key to rate under `ratings` when submitting a scorecard." }),
        title: z.string(),
        description: z.string(),
        dimensionKey: z.string(),
        anchors: z
          .array(z.object({ rating: z.number().int().min(1).max(4), text: z.string() }))
          .meta({ description: "What each rating 1–4 looks like, for the ratings that have a description." }),
      }),
    ),
    redFlags: z.array(
      z.object({
        key: z.string().meta({ description: "A key to send in `redFlagKeys` when submitting a scorecard." }),
        title: z.string(),
        description: z.string(),
      }),
    ),
  })
  .meta({ id: "ScoringRubric" });
export const RoundRubric = ScoringRubric.extend({
  roundId: z.string(),
  pinned: z.boolean().meta({
    description:
      "True once the round is booked or its first scorecard opened: the version is then fixed for the round. " +
      "False: the round type's published rubric, which the round will be fixed to.",
  }),
}).meta({ id: "RoundRubric" });

export const ApiErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "NOT_FOUND, FORBIDDEN, BAD_REQUEST, UNAUTHORIZED, TOO_MANY_REQUESTS, …" }),
      message: z.string().meta({ description: "What was wrong and what to do, for a person to read." }),
      reason: z.string().nullable().meta({ description: "A stable snake_case code to branch on, when there is one." }),
      field: z.string().nullable(),
      fieldErrors: z.record(z.string(), z.array(z.string())).nullable(),
    }),
  })
  .meta({ id: "Error" });
