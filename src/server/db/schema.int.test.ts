// The tenancy rules of the data model, checked against the migrated database itself. (Catalog names
// are cast to text: adapter-pg 6.19 cannot read PostgreSQL's `name` type, prisma/orm#27403.)
import { describe, expect, it } from "vitest";
import { db } from "@/test/factories";

// Tables that belong to no workspace.
// calendar_feeds belong to a person (one feed lists their rounds in every workspace); rate_limits are counters.
const GLOBAL_TABLES = new Set([
  "users",
  "accounts",
  "sessions",
  "verification_tokens",
  "workspaces",
  "_prisma_migrations",
  "calendar_feeds",
  "rate_limits",
]);

// Indexes on tenant tables that deliberately do not start with workspaceId, and why.
const CROSS_TENANT_INDEXES: Record<string, string> = {
  // "Which workspaces am I in?" is asked per user, across workspaces, on every page load.
  memberships_userId_idx: "membership lookup by user",
  // The outbox worker claims due messages across all workspaces.
  email_outbox_status_nextAttemptAt_idx: "outbox worker claim order",
  webhook_deliveries_status_nextAttemptAt_idx: "webhook delivery claim order",
  workspace_exports_status_nextAttemptAt_idx: "export worker claim order",
  // The retention job deletes old webhook attempts across all workspaces.
  webhook_attempts_startedAt_idx: "webhook attempt retention purge",
  // Global uniqueness of secrets and keys, looked up without a workspace.
  invitations_tokenHash_key: "invitation lookup by token hash",
  api_keys_tokenHash_key: "API key lookup by hash (src/server/services/api-key.ts)",
  email_outbox_idempotencyKey_key: "idempotency key uniqueness",
  rounds_icsUid_key: "calendar UID uniqueness",
};

describe("tenant tables", () => {
  it("every table but the global ones has a workspaceId column", async () => {
    const tables = await db.$queryRaw<{ table_name: string; has_ws: boolean }[]>`
      SELECT t.table_name::text AS table_name,
             EXISTS (SELECT 1 FROM information_schema.columns c
                     WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'workspaceId') AS has_ws
      FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'`;
    const tenant = tables.filter((t) => !GLOBAL_TABLES.has(t.table_name));
    expect(tenant.length).toBeGreaterThanOrEqual(4);
    expect(tenant.filter((t) => !t.has_ws).map((t) => t.table_name)).toEqual([]);
  });

  it("indexes of tenant tables start with workspaceId, except the documented cross-tenant ones", async () => {
    const indexes = await db.$queryRaw<{ tablename: string; indexname: string; indexdef: string }[]>`
      SELECT tablename::text AS tablename, indexname::text AS indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`;
    const offending = indexes
      .filter((i) => !GLOBAL_TABLES.has(i.tablename) && !i.indexname.endsWith("_pkey"))
      .filter((i) => !/USING \w+ \("workspaceId"/.test(i.indexdef))
      .map((i) => i.indexname)
      .filter((name) => !(name in CROSS_TENANT_INDEXES));
    expect(offending).toEqual([]);
  });
});
