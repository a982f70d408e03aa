-- CreateTable
CREATE TABLE "webhook_attempts" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "statusCode" INTEGER,
    "errorClass" TEXT,
    "errorMessage" TEXT,
    "responseExcerpt" TEXT,

    CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_attempts_startedAt_idx" ON "webhook_attempts"("startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_attempts_workspaceId_deliveryId_number_key" ON "webhook_attempts"("workspaceId", "deliveryId", "number");

-- AddForeignKey
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security, as for every tenant table (migration 20261203073500_row_level_security) and like
-- webhook_deliveries. The delivery worker writes attempts and the retention job deletes old ones as the
-- owning role; requests (the delivery log) read them in the workspace's scope.
GRANT SELECT, INSERT, UPDATE, DELETE ON "webhook_attempts" TO loopwise_app;
ALTER TABLE "webhook_attempts" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "webhook_attempts" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));
