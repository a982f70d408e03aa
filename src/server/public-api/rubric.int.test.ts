// A client that fills scorecards reads the rubric first: the exact version a round is scored against (and a
// round type's published one), then submits with its signal keys. Roles are the app's; another workspace's
// ids are swept in api.int.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { api, makeKey } from "@/test/api-client";
import { createWorkspaceWithRoles, db, roundHasStarted, type TestWorkspace } from "@/test/factories";
import { bookedLoop } from "@/test/scorecard-fixtures";

interface Rubric {
  versionId: string;
  version: number;
  roundId?: string;
  pinned?: boolean;
  dimensions: { key: string; name: string }[];
  signals: { key: string; title: string; dimensionKey: string; anchors: { rating: number; text: string }[] }[];
  redFlags: { key: string; title: string }[];
}

describe("a round's rubric over the API", () => {
  let ws: TestWorkspace;
  let roundIds: string[];
  let roundTypeId: string;
  beforeAll(async () => {
    ws = await createWorkspaceWithRoles("apirubric");
    const booked = await bookedLoop(ws, [ws.members.interviewer, ws.members.coach]);
    roundIds = booked.rounds.map((r) => r.id);
    roundTypeId = booked.rounds[0]!.roundTypeId;
    await roundHasStarted(roundIds[0]!);
  });

  it("gives the round's interviewer the pinned version; they submit with its keys; an unknown key is a 400", async () => {
    const { secret } = await makeKey(ws, { scope: "write", bindTo: "interviewer" });
    const res = await api(secret, "GET", `/rounds/${roundIds[0]}/rubric`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rubric = res.body as unknown as Rubric;
    const round = await db.round.findUniqueOrThrow({ where: { id: roundIds[0] } });
    expect(rubric).toMatchObject({ roundId: roundIds[0], pinned: true, versionId: round.rubricVersionId });
    expect(rubric.signals.length).toBeGreaterThan(0);
    for (const s of rubric.signals) {
      expect(rubric.dimensions.map((d) => d.key)).toContain(s.dimensionKey);
      expect(s.anchors.map((a) => a.rating)).toEqual([1, 2, 3, 4]);
    }
    expect(rubric.redFlags.length).toBeGreaterThan(0);

    const content = {
      ratings: Object.fromEntries(rubric.signals.map((s) => [s.key, { rating: 3, evidence: `saw ${s.title}` }])),
      redFlagKeys: [rubric.redFlags[0]!.key],
      recommendation: "yes",
      summary: "Filled from the rubric the API gave.",
    };
    const unknown = await api(secret, "POST", `/rounds/${roundIds[0]}/scorecard`, {
      ...content,
      ratings: { ...content.ratings, made_up_signal: { rating: 2, evidence: "x" } },
    });
    expect([unknown.status, unknown.body.error?.reason, unknown.body.error?.field]).toEqual([
      400,
      "unknown_signal",
      "ratings",
    ]);
    expect(unknown.body.error?.message).toContain('has no signal "made_up_signal"');
    const unknownFlag = await api(secret, "POST", `/rounds/${roundIds[0]}/scorecard`, {
      ...content,
      redFlagKeys: ["made_up_flag"],
    });
    expect([unknownFlag.status, unknownFlag.body.error?.reason]).toEqual([400, "unknown_red_flag"]);

    const submitted = await api(secret, "POST", `/rounds/${roundIds[0]}/scorecard`, content);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: "submitted", redFlagKeys: content.redFlagKeys });
    const card = await db.scorecard.findFirstOrThrow({ where: { roundId: roundIds[0], workspaceId: ws.id } });
    expect(card.rubricVersionId).toBe(rubric.versionId);
  });

  it("keeps a booked round on its version when a new one is published; the round type shows the new one", async () => {
    const { secret } = await makeKey(ws, { bindTo: "coach" });
    const before = (await api(secret, "GET", `/rounds/${roundIds[0]}/rubric`)).body as unknown as Rubric;
    const typeBefore = (await api(secret, "GET", `/round-types/${roundTypeId}/rubric`)).body as unknown as Rubric;
    expect(typeBefore.versionId).toBe(before.versionId);

    const coach = ws.members.coach.caller;
    const rubric = await db.rubric.findFirstOrThrow({ where: { workspaceId: ws.id, roundTypeId } });
    await coach.rubric.startDraft({ workspaceId: ws.id, rubricId: rubric.id });
    await coach.rubric.publish({ workspaceId: ws.id, rubricId: rubric.id, changeSummary: "Next version" });

    const after = (await api(secret, "GET", `/rounds/${roundIds[0]}/rubric`)).body as unknown as Rubric;
    const typeAfter = (await api(secret, "GET", `/round-types/${roundTypeId}/rubric`)).body as unknown as Rubric;
    expect(after.versionId).toBe(before.versionId);
    expect(typeAfter.version).toBe(before.version + 1);
    expect(typeAfter.versionId).not.toBe(before.versionId);
  });

  it("answers the round's interviewers, coaches and owners; another interviewer gets 404", async () => {
    const interviewer = await makeKey(ws, { bindTo: "interviewer" });
    // The second round is the coach's: the interviewer is not on its panel.
    const other = await api(interviewer.secret, "GET", `/rounds/${roundIds[1]}/rubric`);
    expect(`${other.status} ${other.body.error?.code}`).toBe("404 NOT_FOUND");
    // The round type's published rubric is in the interviewer's kits.
    expect((await api(interviewer.secret, "GET", `/round-types/${roundTypeId}/rubric`)).status).toBe(200);
    for (const bindTo of ["coach", "owner"] as const) {
      const { secret } = await makeKey(ws, { bindTo });
      expect((await api(secret, "GET", `/rounds/${roundIds[1]}/rubric`)).status).toBe(200);
    }
  });

  it("needs the key's resources: scorecards for a round's rubric, library for a round type's", async () => {
    const scorecardsOnly = await makeKey(ws, { resources: ["scorecards"] });
    expect((await api(scorecardsOnly.secret, "GET", `/rounds/${roundIds[0]}/rubric`)).status).toBe(200);
    const typeRes = await api(scorecardsOnly.secret, "GET", `/round-types/${roundTypeId}/rubric`);
    expect([typeRes.status, typeRes.body.error?.reason]).toEqual([403, "api_key_resource"]);
  });

  it("answers 409 when the round type has nothing published", async () => {
    const bare = await db.roundType.create({
      data: {
        workspaceId: ws.id,
        key: "bare-api",
        name: "Bare",
        description: "",
        defaultDurationMin: 45,
        order: 99,
        timingGuide: [],
      },
    });
    const { secret } = await makeKey(ws);
    const res = await api(secret, "GET", `/round-types/${bare.id}/rubric`);
    expect([res.status, res.body.error?.reason]).toEqual([409, "no_published_rubric"]);
  });
});
