// Roles and what each may do in a workspace. Pure: the procedure builders and the UI both read this.

export const ROLES = ["owner", "coach", "interviewer", "candidate"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  coach: "Coach",
  interviewer: "Interviewer",
  candidate: "Candidate",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything a coach can do, plus settings, members, roles and the audit log.",
  coach: "Creates loops, rubrics and questions; schedules rounds; runs debriefs; releases feedback.",
  interviewer: "Sees assigned rounds and kits; fills and submits their own scorecards; joins debriefs.",
  candidate: "Sees their own loops, schedule and the feedback a coach released.",
};

/** Every permission a procedure can require, and the roles that hold it. */
export const PERMISSIONS = {
  "workspace.read": ["owner", "coach", "interviewer", "candidate"],
  "workspace.update": ["owner"],
  "member.list": ["owner", "coach", "interviewer"],
  "member.manage": ["owner"],
  // Erasing a candidate's personal data (docs/privacy.md): whoever runs their loops may do it on request.
  "member.erase": ["owner", "coach"],
  "workspace.delete": ["owner"],
  "invitation.manage": ["owner"],
  "audit.read": ["owner"],
  "outbox.manage": ["owner"],
  // Webhooks send workspace events to outside systems: owners only.
  "webhook.manage": ["owner"],
  // Keys for the public REST API act in the workspace without a session: only owners make and revoke them.
  "apikey.manage": ["owner"],
  // A full export holds every member's and candidate's data: owners only (docs/export.md).
  "workspace.export": ["owner"],
  // Rubric internals (versions, weights, drafts) are for the people who design loops.
  "library.read": ["owner", "coach"],
  "library.edit": ["owner", "coach"],
  // Interviewers run rounds from kits: a question, its signals with anchors, red flags, timing.
  "kit.read": ["owner", "coach", "interviewer"],
  // Loops: coaches run them; interviewers see their agenda; everyone keeps their own availability.
  "loop.read": ["owner", "coach"],
  "loop.manage": ["owner", "coach"],
  "agenda.read": ["owner", "coach", "interviewer"],
  "schedule.self": ["owner", "coach", "interviewer", "candidate"],
  // Scorecards are filled by the round's interviewers; debriefs are run by coaches and joined by the
  // panel (each only after submitting their own scorecard, which the services enforce).
  "scorecard.fill": ["owner", "coach", "interviewer"],
  "debrief.read": ["owner", "coach", "interviewer"],
  "debrief.decide": ["owner", "coach"],
  "calibration.read": ["owner", "coach"],
  // Analytics: the workspace's figures across loops and interviewers, for the people who run loops.
  "analytics.read": ["owner", "coach"],
  // Training paths: coaches set them, see everyone's progress and sign off; each interviewer sees their own.
  "training.manage": ["owner", "coach"],
  "training.self": ["owner", "coach", "interviewer"],
  // Interviewer development: whoever fills scorecards practises on exercises and reads how they rate
  // (an interviewer only their own, which the services enforce); coaches write exercises and read anyone's.
  "exercise.take": ["owner", "coach", "interviewer"],
  "exercise.manage": ["owner", "coach"],
  "rating.self": ["owner", "coach", "interviewer"],
  // Feedback: coaches draft and release; a candidate reads their own released reports.
  "report.manage": ["owner", "coach"],
  "report.own": ["candidate"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

/**
 * The one invariant of membership: a workspace keeps at least one owner. `ownerCount` is the number of
 * owners before the change; the change removes or demotes `target`.
 */
export function wouldLeaveNoOwner(targetRole: Role, newRole: Role | null, ownerCount: number): boolean {
  return targetRole === "owner" && newRole !== "owner" && ownerCount <= 1;
}
