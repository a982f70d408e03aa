-- AlterTable
ALTER TABLE "rounds" ADD COLUMN     "poolMemberIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

