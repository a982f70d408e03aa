-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('draft', 'released', 'withdrawn');

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "showInterviewerNames" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "feedback_reports" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "candidateMemberId" TEXT,
    "status" "ReportStatus" NOT NULL DEFAULT 'draft',
    "draft" JSONB NOT NULL,
    "releasedVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "feedback_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_report_versions" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "releasedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedById" TEXT NOT NULL,

    CONSTRAINT "feedback_report_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "feedback_reports_workspaceId_candidateMemberId_idx" ON "feedback_reports"("workspaceId", "candidateMemberId");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_reports_workspaceId_loopId_key" ON "feedback_reports"("workspaceId", "loopId");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_report_versions_workspaceId_reportId_version_key" ON "feedback_report_versions"("workspaceId", "reportId", "version");

-- AddForeignKey
ALTER TABLE "feedback_report_versions" ADD CONSTRAINT "feedback_report_versions_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "feedback_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

