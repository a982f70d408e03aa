-- AlterTable
ALTER TABLE "loops" ADD COLUMN     "candidateInvitationId" TEXT,
ALTER COLUMN "candidateMemberId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "rounds" ALTER COLUMN "candidateMemberId" DROP NOT NULL;

