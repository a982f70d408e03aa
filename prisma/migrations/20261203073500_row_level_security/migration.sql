-- Row-level security: a second layer under the workspace filters in the code (docs/architecture.md,
-- "Row-level security"). Each workspace-scoped request runs in one transaction that switches to the role
-- loopwise_app and sets app.workspace_id and app.user_id (src/server/db/tenant.ts); for that role every tenant table shows
-- and accepts only the rows of that workspace, and nothing at all when the setting is missing.
-- The role that connects and migrates (the tables' owner) is not subject to these policies: sign-in, the
-- workspace list, invitation acceptance, calendar feeds, the outbox worker and start-up jobs use it.

-- Roles belong to the whole cluster, not to this database: create it only when missing. Another database
-- of the same cluster may be creating it at the same moment (test suites), hence the handler.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'loopwise_app') THEN
    CREATE ROLE loopwise_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;

-- The connecting role switches to loopwise_app with SET LOCAL ROLE, which needs membership (a superuser
-- needs none). If a DBA created the role beforehand, they must also grant it: GRANT loopwise_app TO <owner>.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
     AND NOT pg_has_role(current_user, 'loopwise_app', 'MEMBER') THEN
    EXECUTE format('GRANT loopwise_app TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO loopwise_app;

-- Identity tables are not tenant data. Workspace pages show members' names, emails and time zones, so the
-- role may read users; it may change only the acting person's own row (saving availability sets their time
-- zone), named by app.user_id. It gets nothing on accounts, sessions, verification_tokens, calendar_feeds,
-- rate_limits or _prisma_migrations (secrets and bookkeeping that only the owner role handles).
GRANT SELECT, UPDATE ON "users" TO loopwise_app;
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "members_read" ON "users" FOR SELECT TO loopwise_app USING (true);
CREATE POLICY "self_update" ON "users" FOR UPDATE TO loopwise_app
  USING ("id" = current_setting('app.user_id', true))
  WITH CHECK ("id" = current_setting('app.user_id', true));

-- The workspace itself: its row is visible only inside its own requests. Creating one is not a
-- workspace-scoped request (the owner role does it).
GRANT SELECT, UPDATE, DELETE ON "workspaces" TO loopwise_app;
ALTER TABLE "workspaces" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "workspaces" TO loopwise_app
  USING ("id" = current_setting('app.workspace_id', true))
  WITH CHECK ("id" = current_setting('app.workspace_id', true));

-- Every table with a workspaceId column. email_outbox rows without a workspace (sign-in links) match no
-- workspace, so the role never sees them.

GRANT SELECT, INSERT, UPDATE, DELETE ON "memberships" TO loopwise_app;
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "memberships" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "invitations" TO loopwise_app;
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "invitations" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "audit_events" TO loopwise_app;
ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "audit_events" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "email_outbox" TO loopwise_app;
ALTER TABLE "email_outbox" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "email_outbox" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "dimensions" TO loopwise_app;
ALTER TABLE "dimensions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "dimensions" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "round_types" TO loopwise_app;
ALTER TABLE "round_types" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "round_types" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "rubrics" TO loopwise_app;
ALTER TABLE "rubrics" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "rubrics" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "rubric_versions" TO loopwise_app;
ALTER TABLE "rubric_versions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "rubric_versions" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "signals" TO loopwise_app;
ALTER TABLE "signals" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "signals" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "rubric_red_flags" TO loopwise_app;
ALTER TABLE "rubric_red_flags" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "rubric_red_flags" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "questions" TO loopwise_app;
ALTER TABLE "questions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "questions" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "scheduling_profiles" TO loopwise_app;
ALTER TABLE "scheduling_profiles" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "scheduling_profiles" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "loop_templates" TO loopwise_app;
ALTER TABLE "loop_templates" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "loop_templates" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "loops" TO loopwise_app;
ALTER TABLE "loops" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "loops" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "rounds" TO loopwise_app;
ALTER TABLE "rounds" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "rounds" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "scorecards" TO loopwise_app;
ALTER TABLE "scorecards" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "scorecards" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "scorecard_revisions" TO loopwise_app;
ALTER TABLE "scorecard_revisions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "scorecard_revisions" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "debriefs" TO loopwise_app;
ALTER TABLE "debriefs" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "debriefs" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "feedback_reports" TO loopwise_app;
ALTER TABLE "feedback_reports" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "feedback_reports" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON "feedback_report_versions" TO loopwise_app;
ALTER TABLE "feedback_report_versions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "feedback_report_versions" TO loopwise_app
  USING ("workspaceId" = current_setting('app.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('app.workspace_id', true));
