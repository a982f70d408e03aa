-- CreateTable
CREATE TABLE "calibration_exercises" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "roundTypeId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "transcript" TEXT NOT NULL,
    "links" JSONB NOT NULL DEFAULT '[]',
    "reference" JSONB NOT NULL,
    "maxMeanDifference" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "failAtDifference" INTEGER NOT NULL DEFAULT 2,
    "recurDays" INTEGER,
    "driftThreshold" DOUBLE PRECISION,
    "createdById" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "calibration_exercises_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exercise_attempts" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "ratings" JSONB NOT NULL,
    "meanDifference" DOUBLE PRECISION NOT NULL,
    "maxDifference" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "severityAtAttempt" DOUBLE PRECISION,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exercise_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "calibration_exercises_workspaceId_roundTypeId_idx" ON "calibration_exercises"("workspaceId", "roundTypeId");

-- CreateIndex
CREATE INDEX "exercise_attempts_workspaceId_exerciseId_memberId_submitted_idx" ON "exercise_attempts"("workspaceId", "exerciseId", "memberId", "submittedAt");

-- CreateIndex
CREATE INDEX "exercise_attempts_workspaceId_memberId_submittedAt_idx" ON "exercise_attempts"("workspaceId", "memberId", "submittedAt");

-- AddForeignKey
ALTER TABLE "calibration_exercises" ADD CONSTRAINT "calibration_exercises_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise_attempts" ADD CONSTRAINT "exercise_attempts_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise_attempts" ADD CONSTRAINT "exercise_attempts_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "calibration_exercises"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security, as for every tenant table (migration 20261203073500_row_level_security).
GRANT SELECT, INSERT, UPDATE, DELETE ON "calibration_exercises" TO loopwise_app;
ALTER TABLE "calibration_exercises" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "calibration_exercises" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "exercise_attempts" TO loopwise_app;
ALTER TABLE "exercise_attempts" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "exercise_attempts" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));
