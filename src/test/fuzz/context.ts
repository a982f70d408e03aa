// Who calls and in which workspace: the roles under test, and the ids and session tokens a generated plan
// is filled with when it becomes a request.
import { type ProcedureInfo } from "@/test/procedures";

/** The workspace's four roles, a signed-in user of another workspace, and no session. */
export type RoleUnderTest = "owner" | "coach" | "interviewer" | "candidate" | "outsider" | "anonymous";

export interface RequestContext {
  procedures: Map<string, ProcedureInfo>;
  /** Valid documents of the workspace that document changes start from. */
  documents: { rubricFile: unknown };
  baseUrl: string;
  refs: Record<string, string>;
  sessionCookieName: string;
  sessionTokens: Partial<Record<RoleUnderTest, string>>;
  peerAddress: { header: string; value: string };
}
