-- AlterTable
ALTER TABLE "loops" ADD COLUMN     "activeRoundCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "activeRoundStarts" TIMESTAMP(3)[] DEFAULT ARRAY[]::TIMESTAMP(3)[],
ADD COLUMN     "scheduledRoundCount" INTEGER NOT NULL DEFAULT 0;


-- What the loop board shows of a loop's rounds (src/server/services/loop/board.ts), kept on the loop so a card
-- reads its own row instead of summing its rounds on every view: the rounds that are not cancelled, the booked
-- ones among them, and the start times of the former in ascending order (the board picks the first one still to
-- come). This function is the one home of that rule: it recounts the loop from its rounds, so whatever changed
-- (a round added, cancelled, restored, booked, moved or deleted), the columns end up as the rounds are. It runs
-- in the round's transaction, whoever writes it (a request, an import, the demo seed), as the writing role:
-- under row-level security the rounds and the loop are those of the scope's workspace, which is the round's.
-- The loop's row is written only when a value changes; "updatedAt" is the application's and is left alone, so
-- the board's order does not move.
CREATE FUNCTION "loop_round_summary_refresh"(workspace TEXT, loop TEXT)
RETURNS void LANGUAGE sql AS $$
  UPDATE "loops" l
  SET "activeRoundCount" = s."active", "scheduledRoundCount" = s."scheduled", "activeRoundStarts" = s."starts"
  FROM (
    SELECT count(*) FILTER (WHERE r."status" <> 'cancelled')::int AS "active",
      count(*) FILTER (WHERE r."status" = 'scheduled')::int AS "scheduled",
      COALESCE(array_agg(r."startsAt" ORDER BY r."startsAt")
        FILTER (WHERE r."status" <> 'cancelled' AND r."startsAt" IS NOT NULL), ARRAY[]::TIMESTAMP(3)[]) AS "starts"
    FROM "rounds" r WHERE r."workspaceId" = workspace AND r."loopId" = loop
  ) s
  WHERE l."workspaceId" = workspace AND l."id" = loop
    AND (l."activeRoundCount", l."scheduledRoundCount", l."activeRoundStarts")
      IS DISTINCT FROM (s."active", s."scheduled", s."starts");
$$;

CREATE FUNCTION "loop_round_summary_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM "loop_round_summary_refresh"(OLD."workspaceId", OLD."loopId");
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD."loopId" IS DISTINCT FROM NEW."loopId"
      OR OLD."workspaceId" IS DISTINCT FROM NEW."workspaceId") THEN
    PERFORM "loop_round_summary_refresh"(NEW."workspaceId", NEW."loopId");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "rounds_summary_insert_delete" AFTER INSERT OR DELETE ON "rounds"
  FOR EACH ROW EXECUTE FUNCTION "loop_round_summary_apply"();
CREATE TRIGGER "rounds_summary_update" AFTER UPDATE OF "status", "startsAt", "loopId", "workspaceId" ON "rounds"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."startsAt" IS DISTINCT FROM NEW."startsAt"
    OR OLD."loopId" IS DISTINCT FROM NEW."loopId" OR OLD."workspaceId" IS DISTINCT FROM NEW."workspaceId")
  EXECUTE FUNCTION "loop_round_summary_apply"();

-- The loops there are now, through the same function.
SELECT "loop_round_summary_refresh"(l."workspaceId", l."id")
FROM "loops" l WHERE EXISTS (SELECT 1 FROM "rounds" r WHERE r."workspaceId" = l."workspaceId" AND r."loopId" = l."id");
