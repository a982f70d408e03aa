// Where each list of the export format (src/schemas/workspace-export.ts) lives in the database and what its
// ids point at. The export reads the tables named here; the import checks and remaps the references named
// here, so a reference the import does not know about cannot slip through with a source workspace's id.
import type { ExportEntity } from "@/schemas/workspace-export";

export interface EntitySpec {
  table: string;
  /** Fields holding ids of other lists (a string, null, or an array of ids). */
  refs: Record<string, ExportEntity>;
  /** JSON fields that may hold ids of any list (template rounds, report contents, revision snapshots). */
  jsonWithIds?: readonly string[];
  /** Rows of the table that belong in the export (SQL on alias t), when not all of them. */
  filter?: string;
}

export const ENTITY_SPECS: Record<Exclude<ExportEntity, "users">, EntitySpec> = {
  members: { table: "memberships", refs: { userId: "users" } },
  invitations: { table: "invitations", refs: { invitedById: "users", acceptedById: "users" } },
  dimensions: { table: "dimensions", refs: {} },
  roundTypes: { table: "round_types", refs: {} },
  rubrics: { table: "rubrics", refs: { roundTypeId: "roundTypes" } },
  rubricVersions: { table: "rubric_versions", refs: { rubricId: "rubrics", publishedById: "users" } },
  signals: { table: "signals", refs: { rubricVersionId: "rubricVersions" } },
  redFlags: { table: "rubric_red_flags", refs: { rubricVersionId: "rubricVersions" } },
  questions: { table: "questions", refs: { roundTypeId: "roundTypes" } },
  schedulingProfiles: { table: "scheduling_profiles", refs: { memberId: "members" } },
  templates: { table: "loop_templates", refs: {}, jsonWithIds: ["rounds"] },
  trainingPaths: { table: "training_paths", refs: { roundTypeId: "roundTypes" } },
  qualifications: {
    table: "interviewer_qualifications",
    refs: { memberId: "members", roundTypeId: "roundTypes", signedOffById: "users" },
  },
  loops: {
    table: "loops",
    refs: {
      candidateMemberId: "members",
      candidateInvitationId: "invitations",
      coachMemberId: "members",
      templateId: "templates",
    },
  },
  rounds: {
    table: "rounds",
    refs: {
      loopId: "loops",
      roundTypeId: "roundTypes",
      rubricVersionId: "rubricVersions",
      questionId: "questions",
      interviewerMemberId: "members",
      shadowMemberId: "members",
      poolMemberIds: "members",
      candidateMemberId: "members",
    },
  },
  scorecards: {
    table: "scorecards",
    refs: { loopId: "loops", roundId: "rounds", interviewerMemberId: "members", rubricVersionId: "rubricVersions" },
  },
  scorecardRevisions: {
    table: "scorecard_revisions",
    refs: { scorecardId: "scorecards", authorMemberId: "members" },
    jsonWithIds: ["snapshot"],
  },
  debriefs: { table: "debriefs", refs: { loopId: "loops", decidedById: "users" } },
  feedbackReports: {
    table: "feedback_reports",
    refs: { loopId: "loops", candidateMemberId: "members" },
    jsonWithIds: ["draft"],
  },
  feedbackReportVersions: {
    table: "feedback_report_versions",
    refs: { reportId: "feedbackReports", releasedById: "users" },
    jsonWithIds: ["content"],
  },
  exercises: {
    table: "calibration_exercises",
    refs: { roundTypeId: "roundTypes", rubricVersionId: "rubricVersions", createdById: "users" },
  },
  exerciseAttempts: { table: "exercise_attempts", refs: { exerciseId: "exercises", memberId: "members" } },
  auditEvents: { table: "audit_events", refs: { actorId: "users" } },
};

/** The lists in export order: users last, since the export collects them from every other list. */
export const EXPORT_ORDER = Object.keys(ENTITY_SPECS) as (keyof typeof ENTITY_SPECS)[];

/** Lists the import does not write (docs/export.md says why). */
export const NOT_IMPORTED: ReadonlySet<ExportEntity> = new Set(["auditEvents"]);

/** Tenant tables deliberately left out of the export, and why (docs/export.md); a new table must be in one list. */
export const NOT_EXPORTED: Record<string, string> = {
  api_keys: "credentials: make new keys in the imported workspace",
  webhook_endpoints: "signing secrets: add the endpoints again",
  webhook_events: "deliveries to the source's endpoints",
  webhook_deliveries: "deliveries to the source's endpoints",
  webhook_attempts: "deliveries to the source's endpoints",
  email_outbox: "mail the source sent or queued",
  cohort_fits: "derived from the scorecards; refitted after import",
  cohort_loop_scores: "derived from the scorecards; refitted after import",
  cohort_interviewers: "derived from the scorecards; refitted after import",
  loop_status_counts: "kept by triggers as the imported loops are written",
  workspace_exports: "the exports themselves",
  workspace_export_chunks: "the exports themselves",
};
