// What the audit log records, and how each action reads in it: one list for the services that write events
// and the page that shows them.

export const AUDIT_LABELS = {
  "workspace.created": "created the workspace",
  "workspace.updated": "changed workspace settings",
  "member.role_changed": "changed a member's role",
  "member.removed": "removed a member",
  "member.left": "left the workspace",
  "member.joined": "joined",
  "invitation.created": "invited someone",
  "invitation.resent": "resent an invitation",
  "invitation.revoked": "revoked an invitation",
  "invitation.accepted": "accepted an invitation",
  "email.requeued": "retried a failed email",
  "round_type.created": "created a round type",
  "round_type.updated": "edited a round type",
  "round_type.archived": "archived a round type",
  "round_type.restored": "restored a round type",
  "rubric.created": "created a rubric",
  "rubric.copied": "copied a rubric",
  "rubric.imported": "imported a rubric",
  "rubric.archived": "archived a rubric",
  "rubric.restored": "restored a rubric",
  "rubric.draft_started": "started a new rubric version",
  "rubric.published": "published a rubric version",
  "question.created": "added a question",
  "question.updated": "edited a question",
  "question.archived": "archived a question",
  "question.restored": "restored a question",
  "loop.created": "created a loop",
  "loop.status_changed": "changed a loop's status",
  "round.scheduled": "booked a round",
  "round.rescheduled": "moved a round",
  "round.cancelled": "cancelled a round",
  "round.restored": "undid a round's cancellation",
  "round.rebooked": "booked a cancelled round again",
  "round.updated": "edited a round",
  "round.added": "added a round to a loop",
  "round.removed": "removed a round from a loop",
  "profile.updated": "changed their scheduling profile",
  "scorecard.submitted": "submitted a scorecard",
  "scorecard.revised": "revised a submitted scorecard",
  "scorecard.nudged": "reminded an interviewer of a scorecard",
  "debrief.decided": "recorded a debrief decision",
  "debrief.reopened": "reopened a debrief",
  "report.released": "released a feedback report",
  "report.withdrawn": "withdrew a feedback report",
  "training.path_saved": "set a round type's training path",
  "training.path_removed": "removed a round type's training path",
  "training.signed_off": "signed off an interviewer to lead a round type",
  "training.qualification_revoked": "withdrew an interviewer's qualification",
  "training.auto_shadow_set": "changed whether a template's suggestions add a trainee as shadow",
  "exercise.published": "published a calibration exercise",
  "exercise.archived": "archived a calibration exercise",
} as const;

export type AuditAction = keyof typeof AUDIT_LABELS;

/** The sentence fragment after the actor's name: "Olga Owner booked a round". */
export function auditLabel(action: string): string {
  return (AUDIT_LABELS as Record<string, string>)[action] ?? action.replace(/[._]/g, " ");
}
