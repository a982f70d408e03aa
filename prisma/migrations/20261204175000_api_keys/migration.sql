-- CreateEnum
CREATE TYPE "ApiKeyScope" AS ENUM ('read', 'write');

-- CreateTable
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scope" "ApiKeyScope" NOT NULL,
    "resources" TEXT[],
    "createdById" TEXT NOT NULL,
    "boundMemberId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_tokenHash_key" ON "api_keys"("tokenHash");

-- CreateIndex
CREATE INDEX "api_keys_workspaceId_createdAt_idx" ON "api_keys"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "api_keys_workspaceId_boundMemberId_idx" ON "api_keys"("workspaceId", "boundMemberId");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_boundMemberId_fkey" FOREIGN KEY ("boundMemberId") REFERENCES "memberships"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security, as for every tenant table (migration 20261203073500_row_level_security). Keys are
-- looked up by their hash before any workspace is known, as the owning role (like calendar feeds by token).
GRANT SELECT, INSERT, UPDATE, DELETE ON "api_keys" TO loopwise_app;
ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "api_keys" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));
