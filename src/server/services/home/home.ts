// Each person's home page: what needs them next, by role. Every list is bounded (HOME_LIST_LIMIT items with
// the total beside it), so the page costs the same in a small and a large workspace.
import { can } from "@/domain/roles";
import { type Scope, type Tx } from "../scope";
import { candidateHome } from "./candidate";
import { coachHome } from "./coach";
import { interviewerHome } from "./interviewer";

/** The home page of the signed-in member: the sections their role works with. */
export async function getHome(db: Tx, scope: Scope, now = new Date()) {
  const [coach, interviewer, candidate] = await Promise.all([
    can(scope.role, "loop.manage") ? coachHome(db, scope, now) : null,
    can(scope.role, "scorecard.fill") ? interviewerHome(db, scope, now) : null,
    can(scope.role, "report.own") ? candidateHome(db, scope, now) : null,
  ]);
  return { role: scope.role, generatedAt: now, coach, interviewer, candidate };
}
