// The full workspace export format, `loopwise.workspace-export` version 1 (docs/export.md). One home: the
// export parses every row through these schemas before writing it (so only the fields listed here ever
// leave: secrets and token hashes are simply not in them) and the import validates a document with them
// before it writes anything. Ids are the source workspace's, opaque; the import gives every row a new one.
import { z } from "zod";
import { Id, RoleSchema, WS } from "./common";

export const EXPORT_FORMAT = "loopwise.workspace-export";
export const EXPORT_VERSION = 1;

/** UTC instants. Written with a Z; the database's own rendering (no offset, UTC) is accepted and given one. */
const Time = z.iso
  .datetime({ local: true })
  .transform((s) => (s.endsWith("Z") ? s : `${s}Z`))
  .pipe(z.string());
const MaybeTime = Time.nullable();
const Json = z.json();
const Level = z.enum(["entry", "mid", "senior"]);
const Text = z.string().max(100_000);
const Key = z.string().min(1).max(200);
const Ref = Id;
const Refs = z.array(Id).max(1_000);

/** The people the workspace's rows name: its members' accounts and anyone else a row refers to. */
const User = z.object({
  id: Ref,
  email: z.string().max(254).nullable(),
  name: z.string().max(200).nullable(),
  timeZone: z.string().max(100).nullable(),
  erasedAt: MaybeTime,
});
const Member = z.object({ id: Ref, userId: Ref, role: RoleSchema, createdAt: Time });
const Invitation = z.object({
  id: Ref,
  email: z.string().max(254),
  role: RoleSchema,
  expiresAt: Time,
  invitedById: Ref,
  acceptedAt: MaybeTime,
  acceptedById: Ref.nullable(),
  revokedAt: MaybeTime,
  sentCount: z.number().int(),
  createdAt: Time,
});
const Dimension = z.object({
  id: Ref,
  key: Key,
  name: Text,
  description: Text,
  order: z.number().int(),
  createdAt: Time,
});
const RoundType = z.object({
  id: Ref,
  key: Key,
  name: Text,
  description: Text,
  defaultDurationMin: z.number().int(),
  timingGuide: Json,
  dimensionKeys: z.array(Key),
  order: z.number().int(),
  archivedAt: MaybeTime,
  createdAt: Time,
});
const Rubric = z.object({ id: Ref, roundTypeId: Ref, name: Text, archivedAt: MaybeTime, createdAt: Time });
const RubricVersion = z.object({
  id: Ref,
  rubricId: Ref,
  version: z.number().int(),
  status: z.enum(["draft", "published"]),
  changeSummary: Text.nullable(),
  publishedAt: MaybeTime,
  publishedById: Ref.nullable(),
  createdAt: Time,
});
const Signal = z.object({
  id: Ref,
  rubricVersionId: Ref,
  key: Key,
  dimensionKey: Key,
  title: Text,
  description: Text,
  anchor1: Text,
  anchor2: Text,
  anchor3: Text,
  anchor4: Text,
  weightEntry: z.number(),
  weightMid: z.number(),
  weightSenior: z.number(),
  order: z.number().int(),
});
const RedFlag = z.object({
  id: Ref,
  rubricVersionId: Ref,
  key: Key,
  title: Text,
  description: Text,
  order: z.number().int(),
});
const Question = z.object({
  id: Ref,
  roundTypeId: Ref,
  title: Text,
  prompt: Text,
  probes: Text,
  followUps: z.array(Text),
  signalKeys: z.array(Key),
  levels: z.array(Level),
  difficulty: z.enum(["easy", "medium", "hard"]),
  guidePrompt: Text.nullable(),
  archivedAt: MaybeTime,
  createdAt: Time,
});
const SchedulingProfile = z.object({
  id: Ref,
  memberId: Ref,
  roundTypeKeys: z.array(Key),
  weeklyCap: z.number().int().nullable(),
  weekly: Json,
  exceptions: Json,
  availabilitySetAt: MaybeTime,
  importedBusy: Json.nullable(),
  importedBusyAt: MaybeTime,
});
const Template = z.object({
  id: Ref,
  key: Key,
  name: Text,
  description: Text,
  level: Level,
  dimensionWeights: Json,
  /** [{ roundTypeKey, durationMin, questionId?, poolMemberIds? }]: the ids inside are remapped too. */
  rounds: Json,
  maxDays: z.number().int(),
  breakMin: z.number().int(),
  autoShadow: z.boolean(),
  archivedAt: MaybeTime,
  createdAt: Time,
});
const TrainingPath = z.object({
  id: Ref,
  roundTypeId: Ref,
  shadowsRequired: z.number().int(),
  reverseShadowsRequired: z.number().int(),
  exerciseRequired: z.boolean(),
  createdAt: Time,
});
const Qualification = z.object({
  id: Ref,
  memberId: Ref,
  roundTypeId: Ref,
  basis: z.enum(["sign_off", "prior_rounds"]),
  signedOffById: Ref.nullable(),
  note: Text,
  qualifiedAt: Time,
});
const Loop = z.object({
  id: Ref,
  candidateMemberId: Ref.nullable(),
  candidateInvitationId: Ref.nullable(),
  coachMemberId: Ref,
  templateId: Ref.nullable(),
  targetRole: Text,
  level: Level,
  notes: Text,
  status: z.enum(["draft", "scheduling", "scheduled", "in_progress", "debrief", "completed", "cancelled"]),
  createdAt: Time,
});
const RoundStatus = z.enum(["unscheduled", "scheduled", "cancelled"]);
const Round = z.object({
  id: Ref,
  loopId: Ref,
  order: z.number().int(),
  roundTypeId: Ref,
  rubricVersionId: Ref.nullable(),
  questionId: Ref.nullable(),
  interviewerMemberId: Ref.nullable(),
  shadowMemberId: Ref.nullable(),
  poolMemberIds: Refs,
  candidateMemberId: Ref.nullable(),
  durationMin: z.number().int(),
  startsAt: MaybeTime,
  endsAt: MaybeTime,
  location: Text,
  status: RoundStatus,
  cancelledAt: MaybeTime,
  cancelReason: Text.nullable(),
  cancelledFrom: RoundStatus.nullable(),
  icsSequence: z.number().int(),
  createdAt: Time,
});
const Scorecard = z.object({
  id: Ref,
  loopId: Ref,
  roundId: Ref,
  interviewerMemberId: Ref,
  rubricVersionId: Ref,
  status: z.enum(["draft", "submitted"]),
  version: z.number().int(),
  ratings: Json,
  redFlagKeys: z.array(Key),
  recommendation: z.enum(["strong_no", "no", "yes", "strong_yes"]).nullable(),
  summary: Text,
  submittedAt: MaybeTime,
  createdAt: Time,
});
const ScorecardRevision = z.object({
  id: Ref,
  scorecardId: Ref,
  version: z.number().int(),
  reason: Text,
  snapshot: Json,
  authorMemberId: Ref,
  createdAt: Time,
});
const Debrief = z.object({
  id: Ref,
  loopId: Ref,
  decision: z.enum(["ready", "not_yet", "another_loop"]).nullable(),
  rationale: Text,
  notes: Text,
  decidedAt: MaybeTime,
  decidedById: Ref.nullable(),
  lockedAt: MaybeTime,
});
const FeedbackReport = z.object({
  id: Ref,
  loopId: Ref,
  candidateMemberId: Ref.nullable(),
  status: z.enum(["draft", "released", "withdrawn"]),
  draft: Json,
  releasedVersion: z.number().int(),
  createdAt: Time,
});
const FeedbackReportVersion = z.object({
  id: Ref,
  reportId: Ref,
  version: z.number().int(),
  content: Json,
  releasedAt: Time,
  releasedById: Ref,
});
const Exercise = z.object({
  id: Ref,
  roundTypeId: Ref,
  rubricVersionId: Ref,
  title: Text,
  prompt: Text,
  transcript: Text,
  links: Json,
  reference: Json,
  maxMeanDifference: z.number(),
  failAtDifference: z.number().int(),
  recurDays: z.number().int().nullable(),
  driftThreshold: z.number().nullable(),
  createdById: Ref,
  archivedAt: MaybeTime,
  createdAt: Time,
});
const ExerciseAttempt = z.object({
  id: Ref,
  exerciseId: Ref,
  memberId: Ref,
  ratings: Json,
  meanDifference: z.number(),
  maxDifference: z.number().int(),
  passed: z.boolean(),
  severityAtAttempt: z.number().nullable(),
  submittedAt: Time,
});
/** Exported as history; not imported (its ids and wording describe the source workspace). */
const AuditEvent = z.object({
  id: Ref,
  actorId: Ref.nullable(),
  action: z.string().max(200),
  targetType: z.string().max(200),
  targetId: z.string().max(200).nullable(),
  data: Json.nullable(),
  createdAt: Time,
});

/**
 * Every list of the document, in the order the import writes them (a row only refers to lists above it;
 * users, which are collected along the way, come last in the file but are written first).
 */
export const EXPORT_ENTITIES = {
  members: Member,
  invitations: Invitation,
  dimensions: Dimension,
  roundTypes: RoundType,
  rubrics: Rubric,
  rubricVersions: RubricVersion,
  signals: Signal,
  redFlags: RedFlag,
  questions: Question,
  schedulingProfiles: SchedulingProfile,
  templates: Template,
  trainingPaths: TrainingPath,
  qualifications: Qualification,
  loops: Loop,
  rounds: Round,
  scorecards: Scorecard,
  scorecardRevisions: ScorecardRevision,
  debriefs: Debrief,
  feedbackReports: FeedbackReport,
  feedbackReportVersions: FeedbackReportVersion,
  exercises: Exercise,
  exerciseAttempts: ExerciseAttempt,
  auditEvents: AuditEvent,
  users: User,
} as const;
export type ExportEntity = keyof typeof EXPORT_ENTITIES;
export type ExportRow<E extends ExportEntity> = z.infer<(typeof EXPORT_ENTITIES)[E]>;

export const ExportedWorkspace = z.object({
  name: z.string().min(1).max(200),
  slug: z.string().max(100),
  timeZone: z.string().max(100),
  showInterviewerNames: z.boolean(),
  retentionMonths: z.number().int().nullable(),
  createdAt: Time,
});

const lists = Object.fromEntries(Object.entries(EXPORT_ENTITIES).map(([key, schema]) => [key, z.array(schema)])) as {
  [E in ExportEntity]: z.ZodArray<(typeof EXPORT_ENTITIES)[E]>;
};

/** The whole document (workspace.json). */
export const WorkspaceExportDocument = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `Not a Loopwise workspace export (format "${EXPORT_FORMAT}").` }),
  version: z.literal(EXPORT_VERSION, {
    error: `This file is a different version of the export format; this Loopwise reads version ${EXPORT_VERSION}.`,
  }),
  exportedAt: Time,
  workspace: ExportedWorkspace,
  ...lists,
});
export type WorkspaceExportDocument = z.infer<typeof WorkspaceExportDocument>;

export const ExportRef = z.object({ ...WS, exportId: Id });
export const ExportFileRef = ExportRef.extend({ file: z.string().min(1).max(60) });
export const ImportWorkspaceInput = z.object({
  /** The new workspace's name; the document's name when left out. */
  name: z.string().trim().min(2).max(120).optional(),
});
