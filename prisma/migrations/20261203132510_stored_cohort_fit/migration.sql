-- CreateTable
CREATE TABLE "cohort_fits" (
    "workspaceId" TEXT NOT NULL,
    "ratingsVersion" INTEGER NOT NULL DEFAULT 0,
    "fittedVersion" INTEGER NOT NULL DEFAULT -1,
    "fitId" TEXT,
    "previousFitId" TEXT,
    "since" TIMESTAMP(3),
    "loops" INTEGER NOT NULL DEFAULT 0,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "summary" JSONB,
    "fittedAt" TIMESTAMP(3),
    "durationMs" INTEGER,
    "claimedUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "cohort_fits_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "cohort_loop_scores" (
    "workspaceId" TEXT NOT NULL,
    "fitId" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "scores" JSONB NOT NULL,

    CONSTRAINT "cohort_loop_scores_pkey" PRIMARY KEY ("workspaceId","fitId","loopId")
);

-- CreateTable
CREATE TABLE "cohort_interviewers" (
    "workspaceId" TEXT NOT NULL,
    "fitId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "estimate" JSONB NOT NULL,

    CONSTRAINT "cohort_interviewers_pkey" PRIMARY KEY ("workspaceId","fitId","memberId")
);

-- AddForeignKey
ALTER TABLE "cohort_fits" ADD CONSTRAINT "cohort_fits_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cohort_loop_scores" ADD CONSTRAINT "cohort_loop_scores_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cohort_interviewers" ADD CONSTRAINT "cohort_interviewers_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security, as for every tenant table (migration 20261203073500_row_level_security).
GRANT SELECT, INSERT, UPDATE, DELETE ON "cohort_fits" TO loopwise_app;
ALTER TABLE "cohort_fits" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "cohort_fits" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "cohort_loop_scores" TO loopwise_app;
ALTER TABLE "cohort_loop_scores" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "cohort_loop_scores" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "cohort_interviewers" TO loopwise_app;
ALTER TABLE "cohort_interviewers" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "cohort_interviewers" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

-- The one home of "the cohort's ratings changed": any insert, update or delete of a scorecard that is or
-- was submitted, whichever code path makes it, bumps the workspace's ratings version in the same
-- transaction. The calibration worker refits when the stored fit is behind. A draft's autosave does not
-- fire it. Deletes only bump an existing row, so a workspace being deleted (its cohort_fits row goes in
-- the same cascade) is not re-created.
CREATE FUNCTION "loopwise_ratings_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" = 'submitted' THEN
      UPDATE "cohort_fits" SET "ratingsVersion" = "ratingsVersion" + 1 WHERE "workspaceId" = OLD."workspaceId";
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD."status" <> 'submitted' AND NEW."status" <> 'submitted' THEN RETURN NULL; END IF;
    IF OLD."status" = NEW."status" AND OLD."ratings" = NEW."ratings" AND OLD."submittedAt" IS NOT DISTINCT FROM NEW."submittedAt"
       AND OLD."interviewerMemberId" = NEW."interviewerMemberId" AND OLD."loopId" = NEW."loopId" THEN
      RETURN NULL;
    END IF;
  ELSIF NEW."status" <> 'submitted' THEN
    RETURN NULL;
  END IF;
  INSERT INTO "cohort_fits" ("workspaceId", "ratingsVersion") VALUES (NEW."workspaceId", 1)
  ON CONFLICT ("workspaceId") DO UPDATE SET "ratingsVersion" = "cohort_fits"."ratingsVersion" + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER "scorecards_ratings_changed" AFTER INSERT OR UPDATE OR DELETE ON "scorecards"
  FOR EACH ROW EXECUTE FUNCTION "loopwise_ratings_changed"();

-- Workspaces that already have submitted scorecards get a first fit from the worker.
INSERT INTO "cohort_fits" ("workspaceId", "ratingsVersion")
SELECT DISTINCT "workspaceId", 1 FROM "scorecards" WHERE "status" = 'submitted'
ON CONFLICT DO NOTHING;
