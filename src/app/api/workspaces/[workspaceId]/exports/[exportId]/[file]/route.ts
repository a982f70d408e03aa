// Downloads one file of a finished workspace export (docs/export.md), streamed a stored chunk at a time.
// Access is the app's own: the tRPC procedure workspaceExport.file checks the session, the membership
// (another workspace's people get 404) and the owner's permission, and finds the file in this workspace.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createContextFromHeaders } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { describeError } from "@/server/api/trpc";
import { getDb } from "@/server/db";
import { readChunks } from "@/server/exports/chunks";

export const dynamic = "force-dynamic";

type Params = { workspaceId: string; exportId: string; file: string };

export async function GET(request: Request, { params }: { params: Promise<Params> }) {
  const { workspaceId, exportId, file } = await params;
  const ctx = await createContextFromHeaders(request.headers);
  let found;
  try {
    found = await createCaller(ctx).workspaceExport.file({ workspaceId, exportId, file });
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return Response.json({ code: err.code, ...describeError(err) }, { status: getHTTPStatusCodeFromError(err) });
  }
  const chunks = readChunks(getDb(), { workspaceId: found.workspaceId, exportId: found.exportId }, found.name);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": found.name.endsWith(".csv") ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-length": String(found.bytes),
      "content-disposition": `attachment; filename="loopwise-export-${found.exportId}-${found.name}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
