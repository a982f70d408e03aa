-- The loop board's counts (#16): one narrow partial index per loop status, on ("workspaceId") alone. Each
-- column's exact count is an index-only scan over every loop of its status in the workspace, so it is the part
-- of the board that grows with the workspace; one single-column entry per loop instead of the board index's
-- three (workspaceId, updatedAt, id) makes the seven counts of a 5,000-loop workspace about 40% cheaper
-- (measured: 0.49 → 0.28 ms, fastest of 40 runs on a busy machine). As in 20261205004000_board_status_indexes,
-- under row-level security only a partial index's predicate narrows a scan to one status. A new LoopStatus
-- needs its index here too (board.int.test.ts checks every status has one).
CREATE INDEX "loops_count_draft_idx" ON "loops" ("workspaceId") WHERE "status" = 'draft';
CREATE INDEX "loops_count_scheduling_idx" ON "loops" ("workspaceId") WHERE "status" = 'scheduling';
CREATE INDEX "loops_count_scheduled_idx" ON "loops" ("workspaceId") WHERE "status" = 'scheduled';
CREATE INDEX "loops_count_in_progress_idx" ON "loops" ("workspaceId") WHERE "status" = 'in_progress';
CREATE INDEX "loops_count_debrief_idx" ON "loops" ("workspaceId") WHERE "status" = 'debrief';
CREATE INDEX "loops_count_completed_idx" ON "loops" ("workspaceId") WHERE "status" = 'completed';
CREATE INDEX "loops_count_cancelled_idx" ON "loops" ("workspaceId") WHERE "status" = 'cancelled';
