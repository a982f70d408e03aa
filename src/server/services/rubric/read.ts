// Reading rubrics: a rubric of the workspace, one of its versions in full, and a signal as pages show it.
import { notFound } from "@/server/errors";
import { type Scope, type Tx } from "../scope";

type SignalRow = {
  id: string;
  key: string;
  dimensionKey: string;
  title: string;
  description: string;
  anchor1: string;
  anchor2: string;
  anchor3: string;
  anchor4: string;
  weightEntry: number;
  weightMid: number;
  weightSenior: number;
  order: number;
};

export function presentSignal(s: SignalRow) {
  return {
    id: s.id,
    key: s.key,
    dimensionKey: s.dimensionKey,
    title: s.title,
    description: s.description,
    anchors: [s.anchor1, s.anchor2, s.anchor3, s.anchor4] as [string, string, string, string],
    weights: { entry: s.weightEntry, mid: s.weightMid, senior: s.weightSenior },
    order: s.order,
  };
}

export async function findRubric(db: Tx, scope: Scope, rubricId: string) {
  const rubric = await db.rubric.findFirst({
    where: { id: rubricId, workspaceId: scope.workspaceId },
    include: { roundType: { select: { id: true, key: true, name: true } } },
  });
  if (!rubric) throw notFound("That rubric");
  return rubric;
}

export async function loadVersion(db: Tx, scope: Scope, rubricId: string, version?: number) {
  const v = await db.rubricVersion.findFirst({
    where: { workspaceId: scope.workspaceId, rubricId, ...(version ? { version } : {}) },
    orderBy: { version: "desc" },
    include: { signals: { orderBy: { order: "asc" } }, redFlags: { orderBy: { order: "asc" } } },
  });
  if (!v) throw notFound(version ? `Version ${version} of that rubric` : "A version of that rubric");
  return v;
}

/** A rubric with its version history and one version in full (the latest unless `version` is given). */
export async function getRubric(db: Tx, scope: Scope, input: { rubricId: string; version?: number }) {
  const rubric = await findRubric(db, scope, input.rubricId);
  const [versions, current, dimensions] = await Promise.all([
    db.rubricVersion.findMany({
      where: { workspaceId: scope.workspaceId, rubricId: rubric.id },
      orderBy: { version: "desc" },
      select: { id: true, version: true, status: true, changeSummary: true, publishedAt: true, createdAt: true },
    }),
    loadVersion(db, scope, rubric.id, input.version),
    db.dimension.findMany({
      where: { workspaceId: scope.workspaceId },
      orderBy: { order: "asc" },
      select: { key: true, name: true },
    }),
  ]);
  return {
    id: rubric.id,
    name: rubric.name,
    archived: !!rubric.archivedAt,
    roundType: rubric.roundType,
    dimensions,
    versions,
    latestVersion: versions[0]?.version ?? 1,
    version: {
      id: current.id,
      version: current.version,
      status: current.status,
      changeSummary: current.changeSummary,
      publishedAt: current.publishedAt,
      signals: current.signals.map(presentSignal),
      redFlags: current.redFlags.map((f) => ({ id: f.id, key: f.key, title: f.title, description: f.description })),
    },
  };
}
