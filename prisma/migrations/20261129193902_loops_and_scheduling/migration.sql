-- CreateEnum
CREATE TYPE "LoopStatus" AS ENUM ('draft', 'scheduling', 'scheduled', 'in_progress', 'debrief', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('unscheduled', 'scheduled', 'cancelled');

-- AlterTable
ALTER TABLE "email_outbox" ADD COLUMN     "topic" TEXT;

-- CreateTable
CREATE TABLE "scheduling_profiles" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "roundTypeKeys" TEXT[],
    "weeklyCap" INTEGER,
    "weekly" JSONB NOT NULL,
    "exceptions" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "scheduling_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loop_templates" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "level" "Level" NOT NULL,
    "dimensionWeights" JSONB NOT NULL,
    "rounds" JSONB NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loop_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loops" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "candidateMemberId" TEXT NOT NULL,
    "coachMemberId" TEXT NOT NULL,
    "templateId" TEXT,
    "targetRole" TEXT NOT NULL,
    "level" "Level" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "status" "LoopStatus" NOT NULL DEFAULT 'draft',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "loops_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rounds" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "roundTypeId" TEXT NOT NULL,
    "rubricVersionId" TEXT,
    "questionId" TEXT,
    "interviewerMemberId" TEXT,
    "shadowMemberId" TEXT,
    "candidateMemberId" TEXT NOT NULL,
    "durationMin" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "location" TEXT NOT NULL DEFAULT '',
    "status" "RoundStatus" NOT NULL DEFAULT 'unscheduled',
    "icsUid" TEXT NOT NULL,
    "icsSequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rounds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "scheduling_profiles_workspaceId_memberId_key" ON "scheduling_profiles"("workspaceId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "loop_templates_workspaceId_key_key" ON "loop_templates"("workspaceId", "key");

-- CreateIndex
CREATE INDEX "loops_workspaceId_status_idx" ON "loops"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "loops_workspaceId_candidateMemberId_idx" ON "loops"("workspaceId", "candidateMemberId");

-- CreateIndex
CREATE UNIQUE INDEX "rounds_icsUid_key" ON "rounds"("icsUid");

-- CreateIndex
CREATE INDEX "rounds_workspaceId_loopId_idx" ON "rounds"("workspaceId", "loopId");

-- CreateIndex
CREATE INDEX "rounds_workspaceId_interviewerMemberId_startsAt_idx" ON "rounds"("workspaceId", "interviewerMemberId", "startsAt");

-- CreateIndex
CREATE INDEX "rounds_workspaceId_candidateMemberId_startsAt_idx" ON "rounds"("workspaceId", "candidateMemberId", "startsAt");

-- CreateIndex
CREATE INDEX "email_outbox_workspaceId_topic_idx" ON "email_outbox"("workspaceId", "topic");

-- AddForeignKey
ALTER TABLE "scheduling_profiles" ADD CONSTRAINT "scheduling_profiles_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loop_templates" ADD CONSTRAINT "loop_templates_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loops" ADD CONSTRAINT "loops_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "loops"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Never double-booked: one interviewer (or shadow) and one candidate have at most one scheduled round at
-- any moment. Enforced here, so two coaches booking at the same instant cannot both win.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "rounds" ADD CONSTRAINT "rounds_times_ordered" CHECK ("startsAt" IS NULL OR "endsAt" > "startsAt");
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_scheduled_has_times" CHECK ("status" <> 'scheduled' OR ("startsAt" IS NOT NULL AND "endsAt" IS NOT NULL));

ALTER TABLE "rounds" ADD CONSTRAINT "rounds_interviewer_no_overlap"
  EXCLUDE USING gist ("workspaceId" WITH =, "interviewerMemberId" WITH =, tsrange("startsAt", "endsAt") WITH &&)
  WHERE ("status" = 'scheduled' AND "interviewerMemberId" IS NOT NULL);

ALTER TABLE "rounds" ADD CONSTRAINT "rounds_shadow_no_overlap"
  EXCLUDE USING gist ("workspaceId" WITH =, "shadowMemberId" WITH =, tsrange("startsAt", "endsAt") WITH &&)
  WHERE ("status" = 'scheduled' AND "shadowMemberId" IS NOT NULL);

ALTER TABLE "rounds" ADD CONSTRAINT "rounds_candidate_no_overlap"
  EXCLUDE USING gist ("workspaceId" WITH =, "candidateMemberId" WITH =, tsrange("startsAt", "endsAt") WITH &&)
  WHERE ("status" = 'scheduled');
