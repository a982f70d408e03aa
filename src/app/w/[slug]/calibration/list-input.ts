// The calibration page's list requests, built from the filters in its URL (cohort: `?level=…&role=…&sort=…`;
// interviewers: `?interviewer=…&isort=…`): the server prefetches with them and the browser's first requests
// use them, so the prefetched first pages are the ones the lists read. A date range is read in the browser's
// zone, so only the browser adds it.
import { COHORT_SORTS, INTERVIEWER_SORTS, PAGE_SIZE } from "@/schemas/values";
import { LEVELS, type Level } from "@/domain/vocabulary";

export type CohortSort = (typeof COHORT_SORTS)[number];

export function cohortSort(value: string): CohortSort {
  return (COHORT_SORTS as readonly string[]).includes(value) ? (value as CohortSort) : "calibrated";
}

export function cohortListInput(
  workspaceId: string,
  section: "ranked" | "notCalibrated",
  filters: { level: string; role: string; sort: string },
  dates: { from?: Date; to?: Date } = {},
) {
  return {
    workspaceId,
    limit: PAGE_SIZE,
    section,
    level: (LEVELS as readonly string[]).includes(filters.level) ? (filters.level as Level) : undefined,
    targetRole: filters.role.trim() || undefined,
    // Loops that cannot be calibrated are listed by name whatever the order chosen for the ranked ones.
    sort: section === "ranked" ? cohortSort(filters.sort) : ("name" as const),
    ...dates,
  };
}

export type InterviewerSort = (typeof INTERVIEWER_SORTS)[number];

export function interviewerSort(value: string): InterviewerSort {
  return (INTERVIEWER_SORTS as readonly string[]).includes(value) ? (value as InterviewerSort) : "severity";
}

export function interviewerListInput(
  workspaceId: string,
  section: "calibrated" | "notCalibrated",
  filters: { search: string; sort: string },
) {
  return {
    workspaceId,
    limit: PAGE_SIZE,
    section,
    search: filters.search.trim() || undefined,
    // Interviewers outside the panel are listed by name whatever the order chosen for the calibrated ones.
    sort: section === "calibrated" ? interviewerSort(filters.sort) : ("name" as const),
  };
}
