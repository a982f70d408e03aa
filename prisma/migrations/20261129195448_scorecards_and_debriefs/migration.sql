-- CreateEnum
CREATE TYPE "Recommendation" AS ENUM ('strong_no', 'no', 'yes', 'strong_yes');

-- CreateEnum
CREATE TYPE "ScorecardStatus" AS ENUM ('draft', 'submitted');

-- CreateEnum
CREATE TYPE "DebriefDecision" AS ENUM ('ready', 'not_yet', 'another_loop');

-- CreateTable
CREATE TABLE "scorecards" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "interviewerMemberId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "status" "ScorecardStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "ratings" JSONB NOT NULL,
    "redFlagKeys" TEXT[],
    "recommendation" "Recommendation",
    "summary" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "scorecards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scorecard_revisions" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "authorMemberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scorecard_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "debriefs" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "decision" "DebriefDecision",
    "rationale" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "lockedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "debriefs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "scorecards_workspaceId_loopId_idx" ON "scorecards"("workspaceId", "loopId");

-- CreateIndex
CREATE INDEX "scorecards_workspaceId_interviewerMemberId_status_idx" ON "scorecards"("workspaceId", "interviewerMemberId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "scorecards_workspaceId_roundId_interviewerMemberId_key" ON "scorecards"("workspaceId", "roundId", "interviewerMemberId");

-- CreateIndex
CREATE INDEX "scorecard_revisions_workspaceId_scorecardId_idx" ON "scorecard_revisions"("workspaceId", "scorecardId");

-- CreateIndex
CREATE UNIQUE INDEX "debriefs_workspaceId_loopId_key" ON "debriefs"("workspaceId", "loopId");

-- AddForeignKey
ALTER TABLE "scorecard_revisions" ADD CONSTRAINT "scorecard_revisions_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "scorecards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

