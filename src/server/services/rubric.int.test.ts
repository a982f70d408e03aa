import { describe, expect, it } from "vitest";
import { createWorkspaceWithRoles, db, outcome, type TestWorkspace } from "@/test/factories";

async function firstRubric(ws: TestWorkspace, roundTypeKey = "coding") {
  const rubric = await db.rubric.findFirstOrThrow({ where: { workspaceId: ws.id, roundType: { key: roundTypeKey } } });
  return rubric;
}

const anchors = (n: string) => ({ "1": `${n} one`, "2": `${n} two`, "3": `${n} three`, "4": `${n} four` });

describe("rubric versions", () => {
  it("publishing makes a version immutable; a reference to v1 still reads v1 after v2 is published", async () => {
    const ws = await createWorkspaceWithRoles("versions");
    const coach = ws.members.coach.caller;
    const rubric = await firstRubric(ws);
    const v1 = await coach.rubric.get({ workspaceId: ws.id, rubricId: rubric.id });
    expect(v1.version).toMatchObject({ version: 1, status: "published" });
    const target = v1.version.signals[0]!;

    // v1 is published: editing it directly is refused, by the service and by the database itself.
    const edit = {
      workspaceId: ws.id,
      rubricId: rubric.id,
      signalId: target.id,
      dimensionKey: target.dimensionKey,
      title: target.title,
      description: target.description,
      anchors: anchors("edited"),
      weights: target.weights,
    };
    expect(await outcome(coach.rubric.saveSignal(edit))).toBe("CONFLICT");
    await expect(db.signal.update({ where: { id: target.id }, data: { anchor1: "sneaky" } })).rejects.toThrow(
      /published/,
    );
    await expect(db.signal.delete({ where: { id: target.id } })).rejects.toThrow(/published/);
    await expect(
      db.rubricVersion.update({ where: { id: v1.version.id }, data: { changeSummary: "rewritten" } }),
    ).rejects.toThrow(/published/);

    // A record pinned to version 1 (as a scorecard will be).
    const pinnedVersionId = v1.version.id;

    expect(await coach.rubric.startDraft({ workspaceId: ws.id, rubricId: rubric.id })).toEqual({
      version: 2,
      created: true,
    });
    const draft = await coach.rubric.get({ workspaceId: ws.id, rubricId: rubric.id });
    expect(draft.version).toMatchObject({ version: 2, status: "draft" });
    expect(draft.version.signals.map((s) => s.key)).toEqual(v1.version.signals.map((s) => s.key));
    const draftSignal = draft.version.signals.find((s) => s.key === target.key)!;
    await coach.rubric.saveSignal({ ...edit, signalId: draftSignal.id });
    expect(
      await outcome(
        coach.rubric.publish({ workspaceId: ws.id, rubricId: rubric.id, changeSummary: "Sharper anchors" }),
      ),
    ).toBe("OK");

    const pinned = await db.rubricVersion.findUniqueOrThrow({
      where: { id: pinnedVersionId },
      include: { signals: { orderBy: { order: "asc" } } },
    });
    expect(pinned.version).toBe(1);
    expect(pinned.signals.map((s) => [s.key, s.anchor1, s.anchor2, s.anchor3, s.anchor4])).toEqual(
      v1.version.signals.map((s) => [s.key, ...s.anchors]),
    );
    const v2 = await coach.rubric.get({ workspaceId: ws.id, rubricId: rubric.id, version: 2 });
    expect(v2.version.signals.find((s) => s.key === target.key)?.anchors).toEqual([
      "edited one",
      "edited two",
      "edited three",
      "edited four",
    ]);

    const diff = await coach.rubric.compare({ workspaceId: ws.id, rubricId: rubric.id, from: 1, to: 2 });
    expect(diff.diff.summary).toMatchObject({ changed: 1, added: 0, removed: 0 });
    const changed = diff.diff.signals.find((d) => d.kind === "changed");
    expect(changed?.kind === "changed" && changed.changes.map((c) => c.field)).toEqual([
      "anchor 1",
      "anchor 2",
      "anchor 3",
      "anchor 4",
    ]);

    const audit = await db.auditEvent.findFirst({ where: { workspaceId: ws.id, action: "rubric.published" } });
    expect(audit?.data).toMatchObject({ version: 2, changeSummary: "Sharper anchors" });
  });

  it("edits a draft: add, reorder, remove signals and red flags; publishing needs a signal", async () => {
    const ws = await createWorkspaceWithRoles("draft");
    const coach = ws.members.coach.caller;
    const rt = await db.roundType.findFirstOrThrow({ where: { workspaceId: ws.id, key: "coding" } });
    const { id: rubricId } = await coach.rubric.create({
      workspaceId: ws.id,
      roundTypeId: rt.id,
      name: "Pairing rubric",
    });
    expect(await outcome(coach.rubric.publish({ workspaceId: ws.id, rubricId, changeSummary: "empty" }))).toBe(
      "BAD_REQUEST",
    );
    const a = await coach.rubric.saveSignal({
      workspaceId: ws.id,
      rubricId,
      dimensionKey: "coding",
      title: "Reads the code aloud",
      description: "d",
      anchors: anchors("a"),
      weights: { entry: 1, mid: 1, senior: 1 },
    });
    const b = await coach.rubric.saveSignal({
      workspaceId: ws.id,
      rubricId,
      dimensionKey: "communication",
      title: "Asks before assuming",
      description: "d",
      anchors: anchors("b"),
      weights: { entry: 1, mid: 1, senior: 1 },
    });
    expect(a.key).toBe("reads-the-code-aloud");
    await coach.rubric.moveSignal({ workspaceId: ws.id, rubricId, signalId: b.id, direction: "up" });
    let r = await coach.rubric.get({ workspaceId: ws.id, rubricId });
    expect(r.version.signals.map((s) => s.title)).toEqual(["Asks before assuming", "Reads the code aloud"]);
    expect(
      await outcome(
        coach.rubric.saveSignal({
          workspaceId: ws.id,
          rubricId,
          dimensionKey: "astrology",
          title: "X",
          description: "d",
          anchors: anchors("x"),
          weights: { entry: 1, mid: 1, senior: 1 },
        }),
      ),
    ).toBe("BAD_REQUEST");
    await coach.rubric.saveRedFlag({
      workspaceId: ws.id,
      rubricId,
      title: "Ignores hints",
      description: "Keeps going down a dead end after two nudges.",
    });
    await coach.rubric.removeSignal({ workspaceId: ws.id, rubricId, signalId: a.id });
    r = await coach.rubric.get({ workspaceId: ws.id, rubricId });
    expect(r.version.signals.map((s) => s.title)).toEqual(["Asks before assuming"]);
    expect(r.version.redFlags.map((f) => f.title)).toEqual(["Ignores hints"]);
    await coach.rubric.publish({ workspaceId: ws.id, rubricId, changeSummary: "First version" });
    expect(await outcome(coach.rubric.removeSignal({ workspaceId: ws.id, rubricId, signalId: b.id }))).toBe("CONFLICT");

    const copy = await coach.rubric.copy({ workspaceId: ws.id, rubricId });
    const copied = await coach.rubric.get({ workspaceId: ws.id, rubricId: copy.id });
    expect(copied).toMatchObject({ name: "Copy of Pairing rubric", version: { version: 1, status: "draft" } });
    expect(copied.version.signals.map((s) => s.title)).toEqual(["Asks before assuming"]);
    await coach.rubric.archive({ workspaceId: ws.id, rubricId: copy.id, archived: true });
    expect(
      await outcome(coach.rubric.saveRedFlag({ workspaceId: ws.id, rubricId: copy.id, title: "x", description: "y" })),
    ).toBe("CONFLICT");
  });

  it("round types: create (with an empty draft rubric), rename, archive", async () => {
    const ws = await createWorkspaceWithRoles("roundtypes");
    const coach = ws.members.coach.caller;
    const rt = await coach.library.createRoundType({
      workspaceId: ws.id,
      name: "Pair debugging",
      description: "Fix a failing service together.",
      defaultDurationMin: 50,
      dimensionKeys: ["coding", "communication"],
    });
    expect(rt.key).toBe("pair-debugging");
    const rubric = await coach.rubric.get({ workspaceId: ws.id, rubricId: rt.rubricId });
    expect(rubric.version).toMatchObject({ version: 1, status: "draft", signals: [] });
    await coach.library.updateRoundType({ workspaceId: ws.id, roundTypeId: rt.id, name: "Pair debugging (live)" });
    await coach.library.archiveRoundType({ workspaceId: ws.id, roundTypeId: rt.id, archived: true });
    const visible = await coach.library.list({ workspaceId: ws.id, includeArchived: false });
    expect(visible.roundTypes.map((r) => r.name)).not.toContain("Pair debugging (live)");
    const all = await coach.library.list({ workspaceId: ws.id, includeArchived: true });
    expect(all.roundTypes.find((r) => r.id === rt.id)).toMatchObject({ name: "Pair debugging (live)", archived: true });
    expect(
      await outcome(
        coach.library.createRoundType({
          workspaceId: ws.id,
          name: "Bad",
          description: "x",
          defaultDurationMin: 30,
          dimensionKeys: ["nope"],
        }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("copying a round type copies its settings and gives it draft copies of its rubrics", async () => {
    const ws = await createWorkspaceWithRoles("copyrt");
    const coach = ws.members.coach.caller;
    const design = await db.roundType.findFirstOrThrow({ where: { workspaceId: ws.id, key: "system-design" } });
    const copy = await coach.library.copyRoundType({ workspaceId: ws.id, roundTypeId: design.id });
    expect(copy).toMatchObject({ name: "Copy of System design", key: "copy-of-system-design" });
    const lib = await coach.library.list({ workspaceId: ws.id, includeArchived: false });
    const copied = lib.roundTypes.find((r) => r.id === copy.id)!;
    const original = lib.roundTypes.find((r) => r.id === design.id)!;
    expect(copied.dimensionKeys).toEqual(original.dimensionKeys);
    expect(copied.rubrics).toHaveLength(1);
    expect(copied.rubrics[0]!.latest).toMatchObject({
      version: 1,
      status: "draft",
      signalCount: original.rubrics[0]!.latest!.signalCount,
    });
  });
});

describe("rubric import and export", () => {
  it("round-trips: export → import gives an equal rubric", async () => {
    const ws = await createWorkspaceWithRoles("roundtrip");
    const coach = ws.members.coach.caller;
    const rubric = await firstRubric(ws, "system-design");
    const exported = await coach.rubric.export({ workspaceId: ws.id, rubricId: rubric.id });
    expect(exported.signals.length).toBeGreaterThanOrEqual(5);
    const imported = await coach.rubric.import({ workspaceId: ws.id, file: JSON.stringify(exported) });
    expect(imported.id).not.toBe(rubric.id);
    expect(await coach.rubric.export({ workspaceId: ws.id, rubricId: imported.id })).toEqual(exported);
    // Also into another workspace.
    const other = await createWorkspaceWithRoles("roundtrip-other");
    const there = await other.members.owner.caller.rubric.import({
      workspaceId: other.id,
      file: JSON.stringify(exported),
    });
    expect(await other.members.owner.caller.rubric.export({ workspaceId: other.id, rubricId: there.id })).toEqual(
      exported,
    );
  });

  it("rejects invalid files with what is wrong and where, and writes nothing", async () => {
    const ws = await createWorkspaceWithRoles("badimport");
    const owner = ws.members.owner.caller;
    const good = await owner.rubric.export({ workspaceId: ws.id, rubricId: (await firstRubric(ws)).id });
    const count = () =>
      Promise.all([
        db.rubric.count({ where: { workspaceId: ws.id } }),
        db.signal.count({ where: { workspaceId: ws.id } }),
        db.auditEvent.count({ where: { workspaceId: ws.id } }),
      ]);
    const before = await count();
    const cases: [string, string, RegExp][] = [
      ["not JSON", "{ nope", /not valid JSON/],
      ["another format", JSON.stringify({ ...good, format: "other" }), /format: This is not a Loopwise rubric file/],
      [
        "missing anchor",
        JSON.stringify({
          ...good,
          signals: [{ ...good.signals[0], anchors: { ...good.signals[0]!.anchors, "3": "" } }],
        }),
        /signals\.0\.anchors\.3: The anchor for rating 3 is required/,
      ],
      [
        "negative weight",
        JSON.stringify({ ...good, signals: [{ ...good.signals[0], weights: { entry: -1, mid: 1, senior: 1 } }] }),
        /signals\.0\.weights\.entry: A weight cannot be negative/,
      ],
      ["no signals", JSON.stringify({ ...good, signals: [] }), /signals: A rubric needs at least one signal/],
      [
        "unknown dimension",
        JSON.stringify({ ...good, signals: [{ ...good.signals[0], dimension: "astrology" }] }),
        /signals\.0\.dimension: unknown dimension "astrology"/,
      ],
      [
        "unknown round type",
        JSON.stringify({ ...good, roundType: { key: "underwater-basket-weaving" } }),
        /roundType\.key: this workspace has no round type/,
      ],
      ["duplicate keys", JSON.stringify({ ...good, signals: [good.signals[0], good.signals[0]] }), /duplicate key/],
      // These answered 500: the text reached the database.
      [
        "a NUL byte in the name",
        JSON.stringify({ ...good, name: "a\u0000b" }),
        /^The rubric file has problems: name: a character that is not allowed/,
      ],
      [
        "a lone surrogate in an anchor",
        JSON.stringify({
          ...good,
          signals: [{ ...good.signals[0], anchors: { ...good.signals[0]!.anchors, "1": "x\ud800" } }],
        }),
        /signals\.0\.anchors\.1: a character that is not allowed/,
      ],
      [
        "a NUL byte in a key",
        `{"format":"loopwise.rubric","a\\u0000":1}`,
        /problems: \(a key\): a character that is not allowed/,
      ],
      [
        "10,000 levels",
        `${"[".repeat(10_000)}${"]".repeat(10_000)}`,
        /problems: (0\.){31}0: nested more than 32 levels deep/,
      ],
    ];
    for (const [label, file, message] of cases) {
      const err = await owner.rubric.import({ workspaceId: ws.id, file }).then(
        () => null,
        (e: { code: string; message: string }) => e,
      );
      expect(err?.code, label).toBe("BAD_REQUEST");
      expect(err?.message, label).toMatch(message);
    }
    expect(await count()).toEqual(before);
  });
});

describe("question bank and kits", () => {
  it("filters by round type, signal, level and text", async () => {
    const ws = await createWorkspaceWithRoles("bank");
    const coach = ws.members.coach.caller;
    const design = await db.roundType.findFirstOrThrow({ where: { workspaceId: ws.id, key: "system-design" } });
    const all = await coach.question.list({ workspaceId: ws.id, includeArchived: false });
    const byRound = await coach.question.list({ workspaceId: ws.id, roundTypeId: design.id, includeArchived: false });
    expect(byRound.length).toBeGreaterThanOrEqual(9);
    expect(byRound.every((q) => q.roundType.key === "system-design")).toBe(true);
    const search = await coach.question.list({ workspaceId: ws.id, search: "URL SHORT", includeArchived: false });
    expect(search.map((q) => q.title.toLowerCase()).join(" ")).toContain("url");
    const signalKey = byRound[0]!.signalKeys[0]!;
    const bySignal = await coach.question.list({ workspaceId: ws.id, signalKey, includeArchived: false });
    expect(bySignal.length).toBeGreaterThan(0);
    expect(bySignal.every((q) => q.signalKeys.includes(signalKey))).toBe(true);
    const senior = await coach.question.list({ workspaceId: ws.id, level: "senior", includeArchived: false });
    expect(senior.every((q) => q.levels.includes("senior"))).toBe(true);
    expect(senior.length).toBeLessThan(all.length + 1);

    const created = await coach.question.save({
      workspaceId: ws.id,
      roundTypeId: design.id,
      title: "Design a leaderboard",
      prompt: "Design a global game leaderboard.",
      probes: "Sorted sets, sharding.",
      followUps: ["What if ties?"],
      signalKeys: [signalKey],
      levels: ["senior"],
      difficulty: "hard",
    });
    expect(
      (await coach.question.list({ workspaceId: ws.id, search: "leaderboard", includeArchived: false })).map(
        (q) => q.id,
      ),
    ).toEqual([created.id]);
    expect(
      await outcome(
        coach.question.save({
          workspaceId: ws.id,
          roundTypeId: design.id,
          title: "X",
          prompt: "p",
          probes: "p",
          followUps: [],
          signalKeys: ["not-a-signal"],
          levels: ["mid"],
          difficulty: "easy",
        }),
      ),
    ).toBe("BAD_REQUEST");
    await coach.question.archive({ workspaceId: ws.id, questionId: created.id, archived: true });
    expect(await coach.question.list({ workspaceId: ws.id, search: "leaderboard", includeArchived: false })).toEqual(
      [],
    );
  });

  it("an interviewer opens a kit: question, signals with anchors, red flags, timing; candidates cannot", async () => {
    const ws = await createWorkspaceWithRoles("kit");
    const question = await db.question.findFirstOrThrow({ where: { workspaceId: ws.id, guidePrompt: "LRU cache" } });
    const kit = await ws.members.interviewer.caller.kit.get({
      workspaceId: ws.id,
      roundTypeId: question.roundTypeId,
      questionId: question.id,
    });
    expect(kit.question?.prompt).toBe(question.prompt);
    expect(kit.signals.length).toBeGreaterThanOrEqual(5);
    expect(kit.signals.every((s) => s.anchors.every((a) => a.length > 0))).toBe(true);
    expect(
      kit.signals
        .filter((s) => s.probedByQuestion)
        .map((s) => s.key)
        .sort(),
    ).toEqual([...question.signalKeys].sort());
    expect(kit.redFlags.length).toBeGreaterThan(0);
    expect(kit.timingGuide.reduce((n, s) => n + s.minutes, 0)).toBe(kit.roundType.defaultDurationMin);
    expect(
      await outcome(ws.members.candidate.caller.kit.get({ workspaceId: ws.id, roundTypeId: question.roundTypeId })),
    ).toBe("FORBIDDEN");
    expect(
      await outcome(
        ws.members.interviewer.caller.rubric.get({ workspaceId: ws.id, rubricId: (await firstRubric(ws)).id }),
      ),
    ).toBe("FORBIDDEN");
  });
});
