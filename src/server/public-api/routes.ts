// The public REST API's route table, in one place: each endpoint's method and path, the resource a key
// needs, the tRPC procedures it calls (and may call: nothing else), its inputs (the app's own schemas from
// src/schemas, without the workspace, which comes from the key) and its response schema. The route
// handlers under src/app/api/v1 serve these entries, the OpenAPI document is generated from them, and
// src/server/public-api/api.int.test.ts checks that the three agree.
import type { z } from "zod";
import type { ApiResource } from "@/domain/api-keys";
import { LoopRef, ReportRef, RoundRef, RoundTypeRef } from "@/schemas/common";
import { ListLibraryInput } from "@/schemas/library";
import { ListLoopsInput } from "@/schemas/loop";
import { ListReleasedReportsInput } from "@/schemas/report";
import { SaveScorecardInput } from "@/schemas/scorecard";
import * as out from "./schemas";

/** Calls one of the route's procedures by path with its full input (the workspace included). */
export type Call = (procedure: string, input: Record<string, unknown>) => Promise<unknown>;

export interface ApiRoute {
  /** The OpenAPI operationId; route handlers name their entry by it. */
  id: string;
  method: "GET" | "POST";
  /** Under /api/v1, with {placeholders} named as the route folders' [segments]. */
  path: string;
  summary: string;
  description?: string;
  resource: ApiResource;
  /** Whether the endpoint changes something (a key needs write scope). */
  writes: boolean;
  procedures: readonly string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodObject;
  response: z.ZodType;
  /** `input` holds the path, query or body values and the key's workspaceId. */
  run: (call: Call, input: Record<string, unknown>) => Promise<unknown>;
}

const noWorkspace = { workspaceId: true } as const;
const LoopPath = LoopRef.omit(noWorkspace);
const RoundPath = RoundRef.omit(noWorkspace);
const ReportPath = ReportRef.omit(noWorkspace);
const RoundTypePath = RoundTypeRef.omit(noWorkspace);
const ScorecardBody = SaveScorecardInput.omit({ workspaceId: true, roundId: true, expectedVersion: true });

const items = (value: unknown) => ({ items: value });

export const API_ROUTES: readonly ApiRoute[] = [
  {
    id: "listLoops",
    method: "GET",
    path: "/loops",
    summary: "List loops",
    description: "Every loop of the workspace, newest first, a page at a time (follow `nextCursor`).",
    resource: "loops",
    writes: false,
    procedures: ["loop.list"],
    query: ListLoopsInput.omit(noWorkspace),
    response: out.LoopPage,
    run: (call, input) => call("loop.list", input),
  },
  {
    id: "getLoop",
    method: "GET",
    path: "/loops/{loopId}",
    summary: "Get a loop",
    description: "One loop with its candidate, coach and rounds.",
    resource: "loops",
    writes: false,
    procedures: ["loop.get"],
    params: LoopPath,
    response: out.Loop,
    run: (call, input) => call("loop.get", input),
  },
  {
    id: "listRounds",
    method: "GET",
    path: "/loops/{loopId}/rounds",
    summary: "List a loop's rounds",
    description: "The rounds of a loop in order, with their times, interviewers and status.",
    resource: "loops",
    writes: false,
    procedures: ["loop.get"],
    params: LoopPath,
    response: out.RoundList,
    run: async (call, input) => items(((await call("loop.get", input)) as { rounds: unknown }).rounds),
  },
  {
    id: "listScorecards",
    method: "GET",
    path: "/loops/{loopId}/scorecards",
    summary: "List a loop's scorecards",
    description:
      "Submitted scorecards of a loop (and the caller's own draft). An interviewer sees the others' only after " +
      "submitting their own; another person's draft shows its status only.",
    resource: "scorecards",
    writes: false,
    procedures: ["scorecard.listForLoop"],
    params: LoopPath,
    response: out.ScorecardList,
    run: async (call, input) => items(await call("scorecard.listForLoop", input)),
  },
  {
    id: "getRoundRubric",
    method: "GET",
    path: "/rounds/{roundId}/rubric",
    summary: "Get the rubric a round is scored against",
    description:
      "The exact rubric version the round's scorecards are filled against: its signals (the keys to rate when " +
      "submitting), their dimensions, anchors for ratings 1–4 and the red flags. For the round's interviewers " +
      "and shadow, and for coaches and owners; any other round is not found.",
    resource: "scorecards",
    writes: false,
    procedures: ["scorecard.rubric"],
    params: RoundPath,
    response: out.RoundRubric,
    run: (call, input) => call("scorecard.rubric", input),
  },
  {
    id: "submitScorecard",
    method: "POST",
    path: "/rounds/{roundId}/scorecard",
    summary: "Submit your scorecard for a round",
    description:
      "Fills and submits the scorecard of the person the key acts as (a key bound to an interviewer) for a " +
      "round they interview, once the round has begun. Needs a write key. Rate the signals of " +
      "`GET /rounds/{roundId}/rubric` by their keys (an unknown key is a 400 with reason `unknown_signal`). If " +
      "submitting is refused, the content stays saved as their draft.",
    resource: "scorecards",
    writes: true,
    procedures: ["scorecard.open", "scorecard.save", "scorecard.submit"],
    params: RoundPath,
    body: ScorecardBody,
    response: out.SubmittedScorecard,
    run: async (call, input) => {
      const ref = { workspaceId: input.workspaceId, roundId: input.roundId };
      const opened = (await call("scorecard.open", ref)) as { scorecard: { version: number } };
      const saved = (await call("scorecard.save", { ...input, expectedVersion: opened.scorecard.version })) as {
        version: number;
      };
      return call("scorecard.submit", { ...ref, expectedVersion: saved.version });
    },
  },
  {
    id: "getDebrief",
    method: "GET",
    path: "/loops/{loopId}/debrief",
    summary: "Get a loop's debrief",
    description: "Where the loop's scorecards stand, the evidence by signal, and the decision once recorded.",
    resource: "debriefs",
    writes: false,
    procedures: ["debrief.get"],
    params: LoopPath,
    response: out.Debrief,
    run: (call, input) => call("debrief.get", input),
  },
  {
    id: "listReports",
    method: "GET",
    path: "/reports",
    summary: "List released reports",
    description: "Released feedback reports, newest first, a page at a time; drafts and withdrawn reports never.",
    resource: "reports",
    writes: false,
    procedures: ["report.listReleased"],
    query: ListReleasedReportsInput.omit(noWorkspace),
    response: out.ReportPage,
    run: (call, input) => call("report.listReleased", input),
  },
  {
    id: "getReport",
    method: "GET",
    path: "/reports/{reportId}",
    summary: "Get a released report",
    description: "A released report's latest version, exactly as its candidate reads it.",
    resource: "reports",
    writes: false,
    procedures: ["report.getReleased"],
    params: ReportPath,
    response: out.Report,
    run: (call, input) => call("report.getReleased", input),
  },
  {
    id: "listMembers",
    method: "GET",
    path: "/members",
    summary: "List members",
    description: "The workspace's members with their roles.",
    resource: "members",
    writes: false,
    procedures: ["member.list"],
    response: out.MemberList,
    run: async (call, input) => items(await call("member.list", input)),
  },
  {
    id: "listRoundTypes",
    method: "GET",
    path: "/round-types",
    summary: "List the round-type library",
    description: "The workspace's dimensions and round types.",
    resource: "library",
    writes: false,
    procedures: ["library.list"],
    query: ListLibraryInput.omit(noWorkspace),
    response: out.RoundTypeLibrary,
    run: (call, input) => call("library.list", input),
  },
  {
    id: "getRoundTypeRubric",
    method: "GET",
    path: "/round-types/{roundTypeId}/rubric",
    summary: "Get a round type's published rubric",
    description:
      "The rubric version the round type's next booked rounds will be scored against (a booked round keeps the " +
      "version it was booked with: read it from `GET /rounds/{roundId}/rubric`).",
    resource: "library",
    writes: false,
    procedures: ["kit.rubric"],
    params: RoundTypePath,
    response: out.ScoringRubric,
    run: (call, input) => call("kit.rubric", input),
  },
];

export function apiRoute(id: string): ApiRoute {
  const route = API_ROUTES.find((r) => r.id === id);
  if (!route) throw new Error(`No API route ${id} in src/server/public-api/routes.ts`);
  return route;
}

/** The procedures a key with these resources may reach (all resources when the list is empty). */
export function proceduresFor(resources: readonly string[]): ReadonlySet<string> {
  return new Set(
    API_ROUTES.filter((r) => resources.length === 0 || resources.includes(r.resource)).flatMap((r) => r.procedures),
  );
}
