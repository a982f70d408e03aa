// Imports a full workspace export (docs/export.md) as a new workspace of the signed-in person. The body is the
// workspace.json file itself (at most IMPORT_MAX_MB); `?name=` names the new workspace. Answers { slug } or
// an error with a message for the person.
import { createContextFromHeaders } from "@/server/api/context";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { IMPORT_MAX_MB } from "@/domain/import-limit";
import { ImportWorkspaceInput } from "@/schemas/workspace-export";
import { importWorkspace } from "@/server/services/workspace-import";

export const dynamic = "force-dynamic";

const fail = (status: number, message: string) => Response.json({ message }, { status });

async function readLimited(request: Request, maxBytes: number): Promise<string | null> {
  const reader = request.body?.getReader();
  if (!reader) return "";
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString("utf8");
}

export async function POST(request: Request) {
  const ctx = await createContextFromHeaders(request.headers);
  if (!ctx.actor) return fail(401, "Sign in to import a workspace.");
  const maxMb = IMPORT_MAX_MB;
  const input = ImportWorkspaceInput.safeParse({ name: new URL(request.url).searchParams.get("name") || undefined });
  if (!input.success) return fail(400, "A workspace name has 2 to 120 characters.");
  const text = await readLimited(request, maxMb * 1024 * 1024);
  if (text === null) return fail(413, `The file is larger than ${maxMb} MB, the most an import accepts.`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return fail(400, "This file is not JSON: choose the workspace.json file of a Loopwise export.");
  }
  try {
    const made = await importWorkspace(getDb(), ctx.actor, { name: input.data.name, document });
    ctx.log.info({ workspaceId: made.id, counts: made.counts }, "workspace imported");
    return Response.json({ slug: made.slug, name: made.name });
  } catch (err) {
    if (err instanceof AppError) return fail(err.code === "BAD_REQUEST" ? 400 : 409, err.message);
    ctx.log.error({ err }, "workspace import failed");
    return fail(500, "The import failed on our side and nothing was written. Please try again.");
  }
}
