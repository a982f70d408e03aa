-- AlterTable
ALTER TABLE "scheduling_profiles" ADD COLUMN     "importedBusy" JSONB,
ADD COLUMN     "importedBusyAt" TIMESTAMP(3);

