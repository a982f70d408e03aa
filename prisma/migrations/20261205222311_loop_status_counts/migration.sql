-- CreateTable
CREATE TABLE "loop_status_counts" (
    "workspaceId" TEXT NOT NULL,
    "status" "LoopStatus" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "loop_status_counts_pkey" PRIMARY KEY ("workspaceId","status")
);

-- AddForeignKey
ALTER TABLE "loop_status_counts" ADD CONSTRAINT "loop_status_counts_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security, as for every tenant table (migration 20261203073500_row_level_security). Requests
-- write these rows only through the triggers below, in the scope of the loop's own workspace.
GRANT SELECT, INSERT, UPDATE, DELETE ON "loop_status_counts" TO loopwise_app;
ALTER TABLE "loop_status_counts" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "loop_status_counts" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

-- The counts follow every insert, delete and change of status (or workspace) of a loop, in the same
-- transaction, whoever writes it (a request, an import, the demo seed). A change of status moves one loop from
-- its old count to its new one; the two counts are touched in status order, so two transactions that move
-- loops between the same two statuses lock them in the same order. Taking one away only updates: when a
-- workspace is deleted its counts go with it (cascade) before these triggers run, and must not come back.
CREATE FUNCTION "loop_status_counts_add"(workspace TEXT, loop_status "LoopStatus")
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "loop_status_counts" ("workspaceId", "status", "count") VALUES (workspace, loop_status, 1)
  ON CONFLICT ("workspaceId", "status") DO UPDATE SET "count" = "loop_status_counts"."count" + 1;
$$;

CREATE FUNCTION "loop_status_counts_remove"(workspace TEXT, loop_status "LoopStatus")
RETURNS void LANGUAGE sql AS $$
  UPDATE "loop_status_counts" SET "count" = "count" - 1 WHERE "workspaceId" = workspace AND "status" = loop_status;
$$;

CREATE FUNCTION "loop_status_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "loop_status_counts_add"(NEW."workspaceId", NEW."status");
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "loop_status_counts_remove"(OLD."workspaceId", OLD."status");
  ELSIF OLD."workspaceId" = NEW."workspaceId" AND OLD."status" > NEW."status" THEN
    PERFORM "loop_status_counts_add"(NEW."workspaceId", NEW."status");
    PERFORM "loop_status_counts_remove"(OLD."workspaceId", OLD."status");
  ELSE
    PERFORM "loop_status_counts_remove"(OLD."workspaceId", OLD."status");
    PERFORM "loop_status_counts_add"(NEW."workspaceId", NEW."status");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "loops_count_insert_delete" AFTER INSERT OR DELETE ON "loops"
  FOR EACH ROW EXECUTE FUNCTION "loop_status_counts_apply"();
CREATE TRIGGER "loops_count_update" AFTER UPDATE OF "status", "workspaceId" ON "loops"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."workspaceId" IS DISTINCT FROM NEW."workspaceId")
  EXECUTE FUNCTION "loop_status_counts_apply"();

-- The loops there are now.
INSERT INTO "loop_status_counts" ("workspaceId", "status", "count")
SELECT "workspaceId", "status", count(*)::int FROM "loops" GROUP BY "workspaceId", "status";

-- The per-status count indexes (20261205035000_board_count_indexes) served the unfiltered counts, which are
-- now read here. A filtered count reads the board's per-status partial indexes instead
-- (20261205004000_board_status_indexes), whose predicate narrows the scan to one status under row-level security
-- just as well. One index less per loop to write.
DROP INDEX "loops_count_draft_idx";
DROP INDEX "loops_count_scheduling_idx";
DROP INDEX "loops_count_scheduled_idx";
DROP INDEX "loops_count_in_progress_idx";
DROP INDEX "loops_count_debrief_idx";
DROP INDEX "loops_count_completed_idx";
DROP INDEX "loops_count_cancelled_idx";
