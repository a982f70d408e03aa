-- AlterTable
ALTER TABLE "rounds" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "cancelledFrom" "RoundStatus";

