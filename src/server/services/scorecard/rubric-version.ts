// The rubric version a round's scorecard is filled against, and the check that a scorecard names only its
// signals and red flags. Published versions never change, so they are kept in memory.
import { type SignalAnswer } from "@/domain/scorecard";
import { BoundedCache } from "@/server/bounded-cache";
import { AppError, notFound } from "@/server/errors";
import { type Tx } from "../scope";

export type Ratings = Record<string, SignalAnswer>;

type VersionContent = NonNullable<Awaited<ReturnType<typeof readVersionContent>>>;

function readVersionContent(tx: Tx, workspaceId: string, rubricVersionId: string) {
  return tx.rubricVersion.findFirst({
    where: { id: rubricVersionId, workspaceId },
    include: { signals: { orderBy: { order: "asc" } }, redFlags: { orderBy: { order: "asc" } } },
  });
}

/**
 * A published rubric version never changes, so its signals and red flags are kept in memory per process
 * (keyed by workspace and version, so one workspace can never read another's) and an autosave does not
 * re-read them. Drafts are read each time. Bounded: the least recently used entries go first.
 */
const publishedVersions = new BoundedCache<VersionContent>(500);

export async function versionContent(tx: Tx, workspaceId: string, rubricVersionId: string): Promise<VersionContent> {
  const key = `${workspaceId}:${rubricVersionId}`;
  const kept = publishedVersions.get(key);
  if (kept) return kept;
  const version = await readVersionContent(tx, workspaceId, rubricVersionId);
  if (!version) throw notFound("The rubric version of this round");
  if (version.status === "published") publishedVersions.set(key, version);
  return version;
}

/**
 * The content of several rubric versions, in the order asked: published ones kept from an earlier read come
 * from memory, the others are read together (one query and its signals and red flags). A version of
 * another workspace, or none, is left out.
 */
export async function versionContents(
  tx: Tx,
  workspaceId: string,
  rubricVersionIds: string[],
): Promise<VersionContent[]> {
  const ids = [...new Set(rubricVersionIds)];
  const missing = ids.filter((id) => !publishedVersions.has(`${workspaceId}:${id}`));
  const read = missing.length
    ? await tx.rubricVersion.findMany({
        where: { id: { in: missing }, workspaceId },
        include: { signals: { orderBy: { order: "asc" } }, redFlags: { orderBy: { order: "asc" } } },
      })
    : [];
  for (const version of read)
    if (version.status === "published") publishedVersions.set(`${workspaceId}:${version.id}`, version);
  const readById = new Map(read.map((v) => [v.id, v]));
  return ids.flatMap((id) => {
    const version = publishedVersions.get(`${workspaceId}:${id}`) ?? readById.get(id);
    return version ? [version] : [];
  });
}

export function checkContent(
  version: Awaited<ReturnType<typeof versionContent>>,
  input: { ratings: Ratings; redFlagKeys: string[] },
) {
  const signalKeys = new Set(version.signals.map((s) => s.key));
  const unknownSignals = Object.keys(input.ratings).filter((k) => !signalKeys.has(k));
  const quoted = (keys: string[]) => keys.map((k) => `"${k}"`).join(", ");
  if (unknownSignals.length)
    throw new AppError(
      "BAD_REQUEST",
      `This round's rubric (version ${version.version}) has no signal ${quoted(unknownSignals)}. Rate only the signals its rubric lists, by their keys.`,
      { field: "ratings", reason: "unknown_signal" },
    );
  const flagKeys = new Set(version.redFlags.map((f) => f.key));
  const unknownFlags = input.redFlagKeys.filter((k) => !flagKeys.has(k));
  if (unknownFlags.length)
    throw new AppError(
      "BAD_REQUEST",
      `This round's rubric (version ${version.version}) has no red flag ${quoted(unknownFlags)}. Use only the red flags its rubric lists, by their keys.`,
      { field: "redFlagKeys", reason: "unknown_red_flag" },
    );
}
