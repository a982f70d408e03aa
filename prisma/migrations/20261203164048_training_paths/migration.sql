-- CreateEnum
CREATE TYPE "QualificationBasis" AS ENUM ('sign_off', 'prior_rounds');

-- AlterTable
ALTER TABLE "loop_templates" ADD COLUMN     "autoShadow" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "training_paths" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "roundTypeId" TEXT NOT NULL,
    "shadowsRequired" INTEGER NOT NULL,
    "reverseShadowsRequired" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "training_paths_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interviewer_qualifications" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "roundTypeId" TEXT NOT NULL,
    "basis" "QualificationBasis" NOT NULL,
    "signedOffById" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "qualifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "interviewer_qualifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "training_paths_workspaceId_roundTypeId_key" ON "training_paths"("workspaceId", "roundTypeId");

-- CreateIndex
CREATE INDEX "interviewer_qualifications_workspaceId_roundTypeId_idx" ON "interviewer_qualifications"("workspaceId", "roundTypeId");

-- CreateIndex
CREATE UNIQUE INDEX "interviewer_qualifications_workspaceId_memberId_roundTypeId_key" ON "interviewer_qualifications"("workspaceId", "memberId", "roundTypeId");

-- AddForeignKey
ALTER TABLE "training_paths" ADD CONSTRAINT "training_paths_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_paths" ADD CONSTRAINT "training_paths_roundTypeId_fkey" FOREIGN KEY ("roundTypeId") REFERENCES "round_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interviewer_qualifications" ADD CONSTRAINT "interviewer_qualifications_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interviewer_qualifications" ADD CONSTRAINT "interviewer_qualifications_roundTypeId_fkey" FOREIGN KEY ("roundTypeId") REFERENCES "round_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security, as for every tenant table (migration 20261203073500_row_level_security).
GRANT SELECT, INSERT, UPDATE, DELETE ON "training_paths" TO loopwise_app;
ALTER TABLE "training_paths" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "training_paths" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "interviewer_qualifications" TO loopwise_app;
ALTER TABLE "interviewer_qualifications" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "interviewer_qualifications" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

-- Interviewers who have already led a booked round of a type are qualified to lead it, so that a path
-- added later does not take people who run that round today out of its pool (the demo included).
-- Saving a path does the same for rounds booked after this migration (src/server/services/training.ts).
INSERT INTO "interviewer_qualifications" ("id", "workspaceId", "memberId", "roundTypeId", "basis", "qualifiedAt")
SELECT gen_random_uuid()::text, r."workspaceId", r."interviewerMemberId", r."roundTypeId", 'prior_rounds', MIN(r."startsAt")
FROM "rounds" r
JOIN "memberships" m ON m."id" = r."interviewerMemberId" AND m."workspaceId" = r."workspaceId"
WHERE r."status" = 'scheduled' AND r."interviewerMemberId" IS NOT NULL AND r."startsAt" IS NOT NULL
  AND m."role" <> 'candidate'
GROUP BY r."workspaceId", r."interviewerMemberId", r."roundTypeId"
ON CONFLICT DO NOTHING;
