-- AlterTable
ALTER TABLE "scheduling_profiles" ADD COLUMN     "availabilitySetAt" TIMESTAMP(3);

