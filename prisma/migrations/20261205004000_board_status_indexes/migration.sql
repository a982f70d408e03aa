-- The loop board (#16): one partial index per loop status, in the board's order (newest change first, ties by
-- id). Under row-level security PostgreSQL uses only leakproof operators as index conditions, and enum
-- equality is not one, so `status = 'x'` can never narrow an index scan for loopwise_app; a partial index's
-- predicate is proven from the query's constant instead, and its scan is the column's page (and the
-- column's count, index-only). Not in schema.prisma: Prisma 6 has no partial indexes (it leaves them alone).
-- A new LoopStatus needs its index here too (board.int.test.ts checks every status has one).
CREATE INDEX "loops_board_draft_idx" ON "loops" ("workspaceId", "updatedAt" DESC, "id" DESC) WHERE "status" = 'draft';
CREATE INDEX "loops_board_scheduling_idx" ON "loops" ("workspaceId", "updatedAt" DESC, "id" DESC) WHERE "status" = 'scheduling';
CREATE INDEX "loops_board_scheduled_idx" ON "loops" ("workspaceId", "updatedAt" DESC, "id" DESC) WHERE "status" = 'scheduled';
CREATE INDEX "loops_board_in_progress_idx" ON "loops" ("workspaceId", "updatedAt" DESC, "id" DESC) WHERE "status" = 'in_progress';
CREATE INDEX "loops_board_debrief_idx" ON "loops" ("workspaceId", "updatedAt" DESC, "id" DESC) WHERE "status" = 'debrief';
CREATE INDEX "loops_board_completed_idx" ON "loops" ("workspaceId", "updatedAt" DESC, "id" DESC) WHERE "status" = 'completed';
CREATE INDEX "loops_board_cancelled_idx" ON "loops" ("workspaceId", "updatedAt" DESC, "id" DESC) WHERE "status" = 'cancelled';
