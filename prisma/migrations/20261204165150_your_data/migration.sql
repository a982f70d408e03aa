-- Your data (docs/privacy.md): users.erasedAt marks an anonymised stand-in left by an erasure;
-- workspaces.retentionMonths turns on erasing candidates N months after their last loop (null: off).

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "retentionMonths" INTEGER;

