-- CreateEnum
CREATE TYPE "Level" AS ENUM ('entry', 'mid', 'senior');

-- CreateEnum
CREATE TYPE "Difficulty" AS ENUM ('easy', 'medium', 'hard');

-- CreateEnum
CREATE TYPE "RubricStatus" AS ENUM ('draft', 'published');

-- CreateTable
CREATE TABLE "dimensions" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dimensions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "round_types" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "defaultDurationMin" INTEGER NOT NULL,
    "timingGuide" JSONB NOT NULL,
    "dimensionKeys" TEXT[],
    "order" INTEGER NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "round_types_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rubrics" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "roundTypeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rubrics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rubric_versions" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "rubricId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "RubricStatus" NOT NULL DEFAULT 'draft',
    "changeSummary" TEXT,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rubric_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signals" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "dimensionKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "anchor1" TEXT NOT NULL,
    "anchor2" TEXT NOT NULL,
    "anchor3" TEXT NOT NULL,
    "anchor4" TEXT NOT NULL,
    "weightEntry" DOUBLE PRECISION NOT NULL,
    "weightMid" DOUBLE PRECISION NOT NULL,
    "weightSenior" DOUBLE PRECISION NOT NULL,
    "order" INTEGER NOT NULL,

    CONSTRAINT "signals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rubric_red_flags" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "order" INTEGER NOT NULL,

    CONSTRAINT "rubric_red_flags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "questions" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "roundTypeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "probes" TEXT NOT NULL,
    "followUps" TEXT[],
    "signalKeys" TEXT[],
    "levels" "Level"[],
    "difficulty" "Difficulty" NOT NULL,
    "guidePrompt" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "questions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "dimensions_workspaceId_key_key" ON "dimensions"("workspaceId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "round_types_workspaceId_key_key" ON "round_types"("workspaceId", "key");

-- CreateIndex
CREATE INDEX "rubrics_workspaceId_roundTypeId_idx" ON "rubrics"("workspaceId", "roundTypeId");

-- CreateIndex
CREATE UNIQUE INDEX "rubric_versions_workspaceId_rubricId_version_key" ON "rubric_versions"("workspaceId", "rubricId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "signals_workspaceId_rubricVersionId_key_key" ON "signals"("workspaceId", "rubricVersionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "rubric_red_flags_workspaceId_rubricVersionId_key_key" ON "rubric_red_flags"("workspaceId", "rubricVersionId", "key");

-- CreateIndex
CREATE INDEX "questions_workspaceId_roundTypeId_idx" ON "questions"("workspaceId", "roundTypeId");

-- AddForeignKey
ALTER TABLE "dimensions" ADD CONSTRAINT "dimensions_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "round_types" ADD CONSTRAINT "round_types_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_roundTypeId_fkey" FOREIGN KEY ("roundTypeId") REFERENCES "round_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rubric_versions" ADD CONSTRAINT "rubric_versions_rubricId_fkey" FOREIGN KEY ("rubricId") REFERENCES "rubrics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signals" ADD CONSTRAINT "signals_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "rubric_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rubric_red_flags" ADD CONSTRAINT "rubric_red_flags_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "rubric_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questions" ADD CONSTRAINT "questions_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questions" ADD CONSTRAINT "questions_roundTypeId_fkey" FOREIGN KEY ("roundTypeId") REFERENCES "round_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Published rubric versions are immutable: their row, signals and red flags cannot change or be
-- deleted. (A scorecard keeps the version it was filled against.) Deleting a whole workspace may purge
-- them by setting loopwise.purge = 'on' in its transaction.
CREATE FUNCTION loopwise_published_version_is_immutable() RETURNS trigger AS $$
DECLARE
  v_status "RubricStatus";
BEGIN
  IF current_setting('loopwise.purge', true) = 'on' THEN
    RETURN COALESCE(OLD, NEW);
  END IF;
  IF TG_TABLE_NAME = 'rubric_versions' THEN
    v_status := OLD.status;
  ELSE
    SELECT status INTO v_status FROM rubric_versions WHERE id = COALESCE(OLD."rubricVersionId", NEW."rubricVersionId");
  END IF;
  IF v_status = 'published' THEN
    RAISE EXCEPTION 'rubric version % is published and cannot be changed', COALESCE(OLD."id", NEW."id")
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "rubric_versions_immutable" BEFORE UPDATE OR DELETE ON "rubric_versions"
  FOR EACH ROW EXECUTE FUNCTION loopwise_published_version_is_immutable();
CREATE TRIGGER "signals_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "signals"
  FOR EACH ROW EXECUTE FUNCTION loopwise_published_version_is_immutable();
CREATE TRIGGER "rubric_red_flags_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "rubric_red_flags"
  FOR EACH ROW EXECUTE FUNCTION loopwise_published_version_is_immutable();
