// Training paths: progress counted from real rounds, the prior-rounds rule, sign-off and its audit.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  addMember,
  createWorkspaceWithRoles,
  db,
  outcome,
  submitScorecards,
  type Member,
  type TestWorkspace,
} from "@/test/factories";

const HOUR_MS = 3_600_000;

/** A one-round coding loop, booked `offsetDays` ahead with a lead and (optionally) a shadow. */
async function codingRound(ws: TestWorkspace, lead: Member, shadow: Member | null, offsetDays: number) {
  const coach = ws.members.coach.caller;
  const template = await coach.loop.saveTemplate({
    workspaceId: ws.id,
    name: `One coding round ${offsetDays}`,
    description: "",
    level: "mid",
    rounds: [{ roundTypeKey: "coding", durationMin: 60 }],
    maxDays: 1,
    breakMin: 15,
  });
  const { id: loopId } = await coach.loop.create({
    workspaceId: ws.id,
    candidateMemberId: ws.members.candidate.memberId,
    templateId: template.id,
    targetRole: "Backend engineer",
  });
  const round = await db.round.findFirstOrThrow({ where: { loopId } });
  const startsAt = new Date(Math.ceil((Date.now() + offsetDays * 24 * HOUR_MS) / HOUR_MS) * HOUR_MS);
  await coach.schedule.book({
    workspaceId: ws.id,
    loopId,
    bookings: [
      {
        roundId: round.id,
        interviewerMemberId: lead.memberId,
        shadowMemberId: shadow?.memberId ?? null,
        startsAt,
      },
    ],
  });
  return round.id;
}

const submit = (ws: TestWorkspace, roundId: string, member: Member) =>
  submitScorecards(ws, [{ roundId, member, rate: () => 3 }]);

async function setup(label: string) {
  const ws = await createWorkspaceWithRoles(label);
  const coach = ws.members.coach.caller;
  const trainee = ws.members.interviewer;
  const lead = await addMember(ws, "interviewer", `${label}-lead`);
  const coding = await db.roundType.findFirstOrThrow({ where: { workspaceId: ws.id, key: "coding" } });
  for (const m of [trainee, lead])
    await coach.schedule.saveInterviewerSettings({
      workspaceId: ws.id,
      memberId: m.memberId,
      roundTypeKeys: ["coding"],
      weeklyCap: null,
    });
  return { ws, coach, trainee, lead, coding };
}

describe("training paths", () => {
  it("counts shadows and reverse-shadows from real rounds, only with the trainee's submitted scorecard; the coach signs off, audited", async () => {
    const { ws, coach, trainee, lead, coding } = await setup("path");
    // The lead has already run a coding round when the path begins: they are qualified from it.
    await codingRound(ws, lead, null, 2);
    const saved = await coach.training.savePath({
      workspaceId: ws.id,
      roundTypeId: coding.id,
      shadowsRequired: 1,
      reverseShadowsRequired: 1,
    });
    expect(saved.qualifiedFromPriorRounds).toBe(1);

    const mine = async () =>
      (await trainee.caller.training.mine({ workspaceId: ws.id })).find((p) => p.roundTypeId === coding.id)!;
    expect((await mine()).progress).toMatchObject({ stage: "shadow", shadows: { done: 0, required: 1 } });

    // A shadowed round: the lead's scorecard alone does not count for the trainee.
    const shadowed = await codingRound(ws, lead, trainee, 4);
    await submit(ws, shadowed, lead);
    expect((await mine()).progress.shadows.done).toBe(0);
    await submit(ws, shadowed, trainee);
    expect((await mine()).progress).toMatchObject({ stage: "reverse_shadow", shadows: { done: 1 } });

    // Signing off early is refused and says what is missing.
    const early = await coach.training
      .signOff({ workspaceId: ws.id, memberId: trainee.memberId, roundTypeId: coding.id })
      .catch((e: { code: string; message: string }) => e);
    expect(early).toMatchObject({ code: "CONFLICT" });
    expect((early as { message: string }).message).toContain("0 of 1 reverse-shadows");

    // Leading with a trainee shadowing (not a qualified interviewer) is no reverse-shadow.
    const other = await addMember(ws, "interviewer", "path-other");
    const unqualifiedShadow = await codingRound(ws, trainee, other, 6);
    await submit(ws, unqualifiedShadow, trainee);
    expect((await mine()).progress.reverseShadows.done).toBe(0);

    // A reverse-shadow: the trainee leads with the qualified lead shadowing; it counts once they submit.
    const reverse = await codingRound(ws, trainee, lead, 8);
    expect((await mine()).progress.reverseShadows.done).toBe(0);
    await submit(ws, reverse, trainee);
    expect((await mine()).progress).toMatchObject({ stage: "sign_off", reverseShadows: { done: 1, required: 1 } });

    const overview = await coach.training.overview({ workspaceId: ws.id });
    const codingRow = overview.find((t) => t.roundTypeId === coding.id)!;
    expect(codingRow.trainees.map((t) => [t.memberId, t.progress.stage])).toEqual([[trainee.memberId, "sign_off"]]);
    expect(codingRow.qualified.map((q) => [q.memberId, q.basis])).toEqual([[lead.memberId, "prior_rounds"]]);

    await coach.training.signOff({
      workspaceId: ws.id,
      memberId: trainee.memberId,
      roundTypeId: coding.id,
      note: "Solid reverse-shadow",
    });
    expect((await mine()).progress.stage).toBe("qualified");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: ws.id, action: "training.signed_off" },
    });
    expect(audit).toMatchObject({
      actorId: ws.members.coach.actor.userId,
      targetType: "membership",
      targetId: trainee.memberId,
      data: { roundType: coding.name, shadows: 1, reverseShadows: 1, note: "Solid reverse-shadow" },
    });
    // Signed off twice: refused; interviewers cannot sign anyone off.
    expect(
      await outcome(coach.training.signOff({ workspaceId: ws.id, memberId: trainee.memberId, roundTypeId: coding.id })),
    ).toBe("CONFLICT");
    expect(
      await outcome(
        trainee.caller.training.signOff({ workspaceId: ws.id, memberId: other.memberId, roundTypeId: coding.id }),
      ),
    ).toBe("FORBIDDEN");

    // Revoking makes them a trainee again, audited with the reason.
    await coach.training.revoke({
      workspaceId: ws.id,
      memberId: trainee.memberId,
      roundTypeId: coding.id,
      reason: "Signed off too early",
    });
    expect((await mine()).progress.stage).toBe("sign_off");
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id, action: "training.qualification_revoked" } })).toBe(
      1,
    );
  });

  it("a cancelled round does not count, and a path can be removed (audited)", async () => {
    const { ws, coach, trainee, lead, coding } = await setup("cancel");
    await coach.training.savePath({
      workspaceId: ws.id,
      roundTypeId: coding.id,
      shadowsRequired: 1,
      reverseShadowsRequired: 0,
    });
    const shadowed = await codingRound(ws, lead, trainee, 3);
    await submit(ws, shadowed, trainee);
    await coach.schedule.cancelRound({ workspaceId: ws.id, roundId: shadowed, reason: "Candidate ill" });
    const [progress] = await trainee.caller.training.mine({ workspaceId: ws.id });
    expect(progress!.progress.shadows.done).toBe(0);
    await coach.training.removePath({ workspaceId: ws.id, roundTypeId: coding.id });
    expect(await trainee.caller.training.mine({ workspaceId: ws.id })).toEqual([]);
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id, action: "training.path_removed" } })).toBe(1);
    expect(await outcome(coach.training.removePath({ workspaceId: ws.id, roundTypeId: coding.id }))).toBe("CONFLICT");
  });

  it("refuses a candidate as trainee and out-of-range steps", async () => {
    const { ws, coach, coding } = await setup("bad");
    await coach.training.savePath({
      workspaceId: ws.id,
      roundTypeId: coding.id,
      shadowsRequired: 0,
      reverseShadowsRequired: 0,
    });
    expect(
      await outcome(
        coach.training.signOff({ workspaceId: ws.id, memberId: ws.members.candidate.memberId, roundTypeId: coding.id }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(
        coach.training.savePath({
          workspaceId: ws.id,
          roundTypeId: coding.id,
          shadowsRequired: -1,
          reverseShadowsRequired: 50,
        }),
      ),
    ).toBe("BAD_REQUEST");
  });
});

describe("the migration's rule for existing interviewers", () => {
  it("qualifies everyone who has led a booked round of a type, once", async () => {
    const { ws, lead, trainee, coding } = await setup("migrate");
    await codingRound(ws, lead, trainee, 2);
    const sql = readFileSync(
      path.join(process.cwd(), "prisma/migrations/20261203164048_training_paths/migration.sql"),
      "utf8",
    );
    const backfill = sql.slice(sql.indexOf('INSERT INTO "interviewer_qualifications"'));
    // Run twice: the second run changes nothing.
    await db.$executeRawUnsafe(backfill);
    await db.$executeRawUnsafe(backfill);
    const rows = await db.interviewerQualification.findMany({ where: { workspaceId: ws.id } });
    expect(rows.map((r) => [r.memberId, r.roundTypeId, r.basis])).toEqual([[lead.memberId, coding.id, "prior_rounds"]]);
  });

  it("a path may ask for a passed calibration exercise: sign-off waits for the trainee's latest attempt to pass", async () => {
    const { ws, coach, trainee, coding } = await setup("path-exercise");
    await coach.training.savePath({
      workspaceId: ws.id,
      roundTypeId: coding.id,
      shadowsRequired: 0,
      reverseShadowsRequired: 0,
      exerciseRequired: true,
    });
    const mine = async () =>
      (await trainee.caller.training.mine({ workspaceId: ws.id })).find((p) => p.roundTypeId === coding.id)!;
    expect((await mine()).progress).toMatchObject({ stage: "exercise", exercise: { required: true, passed: false } });
    const early = await coach.training
      .signOff({ workspaceId: ws.id, memberId: trainee.memberId, roundTypeId: coding.id })
      .catch((e: { code: string; message: string }) => e);
    expect(early).toMatchObject({ code: "CONFLICT" });
    expect((early as { message: string }).message).toContain("has not passed a calibration exercise");

    // Two practice cases with reference 3 on two signals; the tolerance is the default (mean ≤ 0.5, none off by 2).
    const version = await db.rubricVersion.findFirstOrThrow({
      where: { workspaceId: ws.id, status: "published", rubric: { roundTypeId: coding.id } },
      include: { signals: { orderBy: { order: "asc" }, take: 2 } },
    });
    const keys = version.signals.map((x) => x.key);
    const exercise = (title: string) =>
      coach.exercise.create({
        workspaceId: ws.id,
        roundTypeId: coding.id,
        title,
        prompt: "Design a URL shortener's storage.",
        transcript: "The candidate weighed a key-value store against a relational table, then sized the keys. ".repeat(
          2,
        ),
        links: [],
        reference: Object.fromEntries(keys.map((k) => [k, { rating: 3, reason: "Clear, with one gap." }])),
        maxMeanDifference: 0.5,
        failAtDifference: 2,
        recurDays: null,
        driftThreshold: null,
      });
    const attempt = async (exerciseId: string, rating: 1 | 3) =>
      trainee.caller.exercise.submit({
        workspaceId: ws.id,
        exerciseId,
        ratings: Object.fromEntries(keys.map((k) => [k, { rating, evidence: "noted" }])),
      });
    const first = await exercise("Storage answer A");
    expect((await attempt(first.id, 1)).comparison.passed).toBe(false);
    expect((await mine()).progress.stage).toBe("exercise");
    const second = await exercise("Storage answer B");
    expect((await attempt(second.id, 3)).comparison.passed).toBe(true);
    expect((await mine()).progress).toMatchObject({ stage: "sign_off", exercise: { passed: true } });
    const row = (await coach.training.overview({ workspaceId: ws.id })).find((t) => t.roundTypeId === coding.id)!;
    expect(row.path).toMatchObject({ exerciseRequired: true });
    expect(row.trainees.find((t) => t.memberId === trainee.memberId)?.progress.exercise.passed).toBe(true);
    await coach.training.signOff({ workspaceId: ws.id, memberId: trainee.memberId, roundTypeId: coding.id });
    expect((await mine()).progress.stage).toBe("qualified");
  });
});
