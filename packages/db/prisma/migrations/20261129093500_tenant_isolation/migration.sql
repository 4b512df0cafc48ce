-- Tenant isolation: the application role, its grants, row-level security and the few SECURITY DEFINER functions
-- that cross the wall on purpose. Hand-written: Prisma does not model any of this (and ignores it when diffing).
--
-- Roles
--   * the migrating role (whoever runs this: ingot_owner on PostgreSQL, the superuser on PGlite) owns every
--     table and function;
--   * ingot_app is what the application connects as: owns nothing, no BYPASSRLS, DML only.
--
-- Session settings read by the policies (set per transaction with set_config(..., true) by withTenant/withUser):
--   app.tenant_id  the tenant the request acts for
--   app.user_id    the signed-in user
-- Unset or empty means "nobody": the policies then match no row, never raise.

-- ---------------------------------------------------------------------------------------------------------
-- The application role. infra/local creates it as a LOGIN role with a password; PGlite and fresh clusters
-- need it to exist for the grants below.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ingot_app') THEN
    CREATE ROLE ingot_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  -- A superuser or BYPASSRLS app role would silently void every policy below.
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ingot_app' AND (rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'role ingot_app must be NOSUPERUSER NOBYPASSRLS';
  END IF;
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Privileges: schema usage and DML on tables, nothing else. Later tables get the same through default
-- privileges (for tables created by the migrating role), so later migrations need no GRANT ... ON ALL TABLES
-- (which would also undo the column-level restriction on app_user below).
GRANT USAGE ON SCHEMA public TO ingot_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ingot_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ingot_app;
-- Sequences of future serial/identity columns: without USAGE an INSERT into such a table would fail.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ingot_app;
-- Functions are executable by PUBLIC unless revoked; ours are granted one by one. (Not IN SCHEMA: per-schema
-- defaults can only add to the global ones, never take away.)
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- The migration history is the migrator's business (it exists when Prisma or our runner applies this file,
-- not when Prisma replays it into a shadow database).
DO $$
BEGIN
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON TABLE public._prisma_migrations FROM ingot_app;
  END IF;
END
$$;

-- A user may edit their own profile, never their identity binding or platform_admin.
REVOKE UPDATE ON TABLE app_user FROM ingot_app;
GRANT UPDATE (display_name, locale, updated_at) ON TABLE app_user TO ingot_app;

-- ---------------------------------------------------------------------------------------------------------
-- The current scope, as the policies read it. STABLE SQL functions are inlined, so `tenant_id =
-- app_current_tenant_id()` still uses the (tenant_id, ...) indexes.
CREATE FUNCTION app_current_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION app_current_user_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

GRANT EXECUTE ON FUNCTION app_current_tenant_id() TO ingot_app;
GRANT EXECUTE ON FUNCTION app_current_user_id() TO ingot_app;

-- ---------------------------------------------------------------------------------------------------------
-- Row-level security: ENABLE applies it to the app role, FORCE to the owner as well (a superuser still
-- bypasses it; the infra owner is one, a managed-cloud owner usually is not).

-- Plain tenant-owned tables: one policy for every command, read and write.
ALTER TABLE plant ENABLE ROW LEVEL SECURITY;
ALTER TABLE plant FORCE ROW LEVEL SECURITY;
CREATE POLICY plant_tenant ON plant
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());

ALTER TABLE area ENABLE ROW LEVEL SECURITY;
ALTER TABLE area FORCE ROW LEVEL SECURITY;
CREATE POLICY area_tenant ON area
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());

ALTER TABLE work_center ENABLE ROW LEVEL SECURITY;
ALTER TABLE work_center FORCE ROW LEVEL SECURITY;
CREATE POLICY work_center_tenant ON work_center
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());

ALTER TABLE equipment ENABLE ROW LEVEL SECURITY;
ALTER TABLE equipment FORCE ROW LEVEL SECURITY;
CREATE POLICY equipment_tenant ON equipment
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());

ALTER TABLE membership_plant ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership_plant FORCE ROW LEVEL SECURITY;
CREATE POLICY membership_plant_tenant ON membership_plant
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_event_tenant ON audit_event
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());

-- Memberships: the tenant manages its own; a user also sees their memberships in every tenant (the tenant
-- switcher). Permissive policies are OR-ed per command, so the extra SELECT policy widens reads only.
ALTER TABLE membership ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership FORCE ROW LEVEL SECURITY;
CREATE POLICY membership_tenant ON membership
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
CREATE POLICY membership_own ON membership FOR SELECT
  USING (user_id = app_current_user_id());

-- Partnerships: both sides see the link; only the owning tenant writes it.
ALTER TABLE partnership ENABLE ROW LEVEL SECURITY;
ALTER TABLE partnership FORCE ROW LEVEL SECURITY;
CREATE POLICY partnership_tenant ON partnership
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
CREATE POLICY partnership_partner ON partnership FOR SELECT
  USING (partner_tenant_id = app_current_tenant_id());

-- Tenants: the current tenant is readable and writable (provisioning inserts its own row under its own id);
-- the tenants the user belongs to are readable (the membership subquery is itself filtered by the
-- membership policies, which let a user see their own memberships).
ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_current ON tenant
  USING (id = app_current_tenant_id()) WITH CHECK (id = app_current_tenant_id());
CREATE POLICY tenant_member ON tenant FOR SELECT
  USING (EXISTS (SELECT 1 FROM membership m WHERE m.tenant_id = tenant.id AND m.user_id = app_current_user_id()));

-- Users (global): a user sees and edits their own row, and sees the members of the current tenant. Users are
-- created only through app_upsert_user().
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
CREATE POLICY app_user_self ON app_user FOR SELECT
  USING (id = app_current_user_id());
CREATE POLICY app_user_self_update ON app_user FOR UPDATE
  USING (id = app_current_user_id()) WITH CHECK (id = app_current_user_id());
CREATE POLICY app_user_tenant_member ON app_user FOR SELECT
  USING (EXISTS (
    SELECT 1 FROM membership m WHERE m.user_id = app_user.id AND m.tenant_id = app_current_tenant_id()
  ));

-- The SECURITY DEFINER functions below run as the migrating role. FORCEd RLS applies to it too unless it is a
-- superuser, so it gets explicit access to the two tables they read across tenants. CURRENT_USER is resolved
-- now, to the role running this migration; ingot_app gains nothing from it.
CREATE POLICY app_user_definer ON app_user TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY tenant_definer ON tenant FOR SELECT TO CURRENT_USER USING (true);

-- ---------------------------------------------------------------------------------------------------------
-- Crossing the wall on purpose.

-- Find-or-create a user: by identity-server subject, else by (lower-cased) email; returns the id.
--   * sign-in: subject + email + name. A row created earlier by a tenant admin (subject 'pending:<email>') is
--     bound to the real subject; the email and name follow the identity server's claims.
--   * a tenant admin adds a member by email: subject NULL; creates a pending row if nobody has that email.
-- An email already bound to another subject is refused (unique_violation): linking identities by email alone
-- would let whoever controls an unverified email take over an account.
CREATE FUNCTION app_upsert_user(subject text, email text, display_name text) RETURNS uuid
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
#variable_conflict use_column
DECLARE
  v_subject text := nullif(btrim(app_upsert_user.subject), '');
  v_email   text := lower(nullif(btrim(app_upsert_user.email), ''));
  v_name    text := nullif(btrim(app_upsert_user.display_name), '');
  v_id      uuid;
  v_bound   text;
BEGIN
  IF v_email IS NULL THEN
    RAISE EXCEPTION 'app_upsert_user: email is required' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF v_subject LIKE 'pending:%' THEN
    RAISE EXCEPTION 'app_upsert_user: invalid subject' USING ERRCODE = 'invalid_parameter_value';
  END IF;

  -- Two attempts: a concurrent call may insert the same user between our lookup and our insert.
  FOR attempt IN 1..2 LOOP
    IF v_subject IS NOT NULL THEN
      UPDATE app_user u
         SET email = v_email, display_name = coalesce(v_name, u.display_name), updated_at = now()
       WHERE u.subject = v_subject
         AND (u.email IS DISTINCT FROM v_email OR u.display_name IS DISTINCT FROM coalesce(v_name, u.display_name))
      RETURNING u.id INTO v_id;
      IF v_id IS NULL THEN
        SELECT u.id INTO v_id FROM app_user u WHERE u.subject = v_subject;
      END IF;
      IF v_id IS NOT NULL THEN
        RETURN v_id;
      END IF;
    END IF;

    SELECT u.id, u.subject INTO v_id, v_bound FROM app_user u WHERE u.email = v_email FOR UPDATE;
    IF v_id IS NOT NULL THEN
      IF v_subject IS NULL OR v_bound = v_subject THEN
        RETURN v_id;
      END IF;
      IF v_bound LIKE 'pending:%' THEN
        UPDATE app_user u
           SET subject = v_subject, display_name = coalesce(v_name, u.display_name), updated_at = now()
         WHERE u.id = v_id;
        RETURN v_id;
      END IF;
      RAISE EXCEPTION 'app_upsert_user: email % is bound to another identity', v_email
        USING ERRCODE = 'unique_violation';
    END IF;

    BEGIN
      INSERT INTO app_user (id, subject, email, display_name, updated_at)
      VALUES (gen_random_uuid(), coalesce(v_subject, 'pending:' || v_email), v_email, coalesce(v_name, v_email), now())
      RETURNING id INTO v_id;
      RETURN v_id;
    EXCEPTION WHEN unique_violation THEN
      IF attempt = 2 THEN
        RAISE;
      END IF;
    END;
  END LOOP;
  RETURN NULL; -- not reached
END
$$;
REVOKE ALL ON FUNCTION app_upsert_user(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_upsert_user(text, text, text) TO ingot_app;

-- Is a tenant slug taken? (sign-up, before any tenant scope exists)
CREATE FUNCTION app_platform_tenant_exists(slug text) RETURNS boolean
  LANGUAGE sql
  STABLE
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM tenant t WHERE t.slug = $1) $$;
REVOKE ALL ON FUNCTION app_platform_tenant_exists(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_platform_tenant_exists(text) TO ingot_app;

-- Grant or revoke platform administration (the demo seed, a platform console): platform_admin is not writable by
-- the app role, so no "update my profile" path can ever set it. Returns false when the user does not exist.
CREATE FUNCTION app_platform_set_admin(user_id uuid, platform_admin boolean) RETURNS boolean
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
BEGIN
  UPDATE app_user u SET platform_admin = $2, updated_at = now() WHERE u.id = $1 AND u.platform_admin IS DISTINCT FROM $2;
  RETURN EXISTS (SELECT 1 FROM app_user u WHERE u.id = $1);
END
$$;
REVOKE ALL ON FUNCTION app_platform_set_admin(uuid, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_platform_set_admin(uuid, boolean) TO ingot_app;
