// The values the input schemas enumerate, without zod: client components (filters, selects, list requests)
// import them from here, so zod stays out of their first load; the schemas import them too.
import { AUDIT_LABELS, type AuditAction } from "@/domain/audit";

/** Rows per page of the paginated lists (audit log, email delivery, members, question bank, calibration). */
export const PAGE_SIZE = 25;

export const AUDIT_ACTIONS = Object.keys(AUDIT_LABELS) as [AuditAction, ...AuditAction[]];
/** What an event is about: the part of its action before the dot ("member", "rubric", …). */
export const AUDIT_AREAS = [...new Set(AUDIT_ACTIONS.map((a) => a.split(".")[0]!))] as [string, ...string[]];

export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export const QUESTION_SORTS = ["roundType", "title", "newest"] as const;

export const DELIVERY_STATUSES = ["pending", "sending", "succeeded", "failed"] as const;
export const EMAIL_STATUSES = ["pending", "sending", "sent", "dead"] as const;

/** The calibrated loops are ranked by calibrated or raw score, or listed by name. */
export const COHORT_SORTS = ["calibrated", "raw", "name"] as const;
/** Calibrated interviewers are ranked by severity (most lenient first) or by ratings, or listed by name. */
export const INTERVIEWER_SORTS = ["severity", "ratings", "name"] as const;
