-- One time zone per person (users."timeZone"), used for everything they see and for their availability.
ALTER TABLE "users" ADD COLUMN     "timeZone" TEXT;

-- Keep what people chose: the zone of their most recently saved availability.
UPDATE "users" AS u
SET "timeZone" = p."timeZone"
FROM (
  SELECT DISTINCT ON (m."userId") m."userId", sp."timeZone"
  FROM "scheduling_profiles" sp
  JOIN "memberships" m ON m."id" = sp."memberId"
  ORDER BY m."userId", sp."updatedAt" DESC
) AS p
WHERE p."userId" = u."id";

ALTER TABLE "scheduling_profiles" DROP COLUMN "timeZone";
