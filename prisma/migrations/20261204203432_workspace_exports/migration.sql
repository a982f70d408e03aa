-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "workspace_exports" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "status" "ExportStatus" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "counts" JSONB,
    "files" JSONB,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_exports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspace_export_chunks" (
    "workspaceId" TEXT NOT NULL,
    "exportId" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "workspace_export_chunks_pkey" PRIMARY KEY ("workspaceId","exportId","file","seq")
);

-- CreateIndex
CREATE INDEX "workspace_exports_workspaceId_createdAt_idx" ON "workspace_exports"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "workspace_exports_status_nextAttemptAt_idx" ON "workspace_exports"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "workspace_exports" ADD CONSTRAINT "workspace_exports_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_export_chunks" ADD CONSTRAINT "workspace_export_chunks_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "workspace_exports"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Row-level security, as for every tenant table (migration 20261203073500_row_level_security). The export
-- worker runs as the owning role (like the calibration worker) and filters by workspace itself.
GRANT SELECT, INSERT, UPDATE, DELETE ON "workspace_exports" TO loopwise_app;
ALTER TABLE "workspace_exports" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "workspace_exports" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON "workspace_export_chunks" TO loopwise_app;
ALTER TABLE "workspace_export_chunks" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "workspace_export_chunks" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));
