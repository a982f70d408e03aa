-- AlterTable
ALTER TABLE "training_paths" ADD COLUMN     "exerciseRequired" BOOLEAN NOT NULL DEFAULT false;

