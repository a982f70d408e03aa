import { z } from "zod";
import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { WS } from "@/schemas/common";
import { ExportFileRef, ExportRef } from "@/schemas/workspace-export";
import { exportFile, getExport, listExports, startExport } from "@/server/services/workspace-export";

const exporter = permittedProcedure("workspace.export");

export const workspaceExportRouter = createTRPCRouter({
  start: exporter.input(z.object(WS)).mutation(({ ctx }) => startExport(ctx.db, ctx.scope)),
  list: exporter.input(z.object(WS)).query(({ ctx }) => listExports(ctx.db, ctx.scope)),
  get: exporter.input(ExportRef).query(({ ctx, input }) => getExport(ctx.db, ctx.scope, input)),
  /** What the download route streams (src/app/api/workspaces/…/exports/…): checked here, read there. */
  file: exporter.input(ExportFileRef).query(({ ctx, input }) => exportFile(ctx.db, ctx.scope, input)),
});
