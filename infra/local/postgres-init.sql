-- Roles and databases for Ingot. One source of truth, run by:
--   * infra/local/postgres.sh (psql as the cluster superuser, after every change of this file)
--   * infra/local/compose.yaml (mounted into /docker-entrypoint-initdb.d/)
-- Idempotent: safe to run again on an initialised cluster. Needs psql (\gexec).
--
--   ingot_owner  superuser, migrator; owns the databases and every object in them;
--                may create databases (Prisma's shadow database).
--   ingot_app    what the application connects as: owns nothing, no BYPASSRLS, so
--                row-level security (ENABLE + FORCE) applies to it. Table privileges are
--                granted by the migrations, not here, so production gets the same grants.

\set ON_ERROR_STOP on

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ingot_owner') THEN
    CREATE ROLE ingot_owner;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ingot_app') THEN
    CREATE ROLE ingot_app;
  END IF;
END
$$;

ALTER ROLE ingot_owner WITH LOGIN SUPERUSER CREATEDB CREATEROLE PASSWORD 'ingot_owner';
ALTER ROLE ingot_app   WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION
                            INHERIT PASSWORD 'ingot_app';

SELECT 'CREATE DATABASE ingot OWNER ingot_owner'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'ingot') \gexec
SELECT 'CREATE DATABASE ingot_test OWNER ingot_owner'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'ingot_test') \gexec

ALTER DATABASE ingot      OWNER TO ingot_owner;
ALTER DATABASE ingot_test OWNER TO ingot_owner;
GRANT CONNECT, TEMPORARY ON DATABASE ingot      TO ingot_app;
GRANT CONNECT, TEMPORARY ON DATABASE ingot_test TO ingot_app;

-- The public schema of each database belongs to the owner; the app may use it, not create in it.
\connect ingot
ALTER SCHEMA public OWNER TO ingot_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ingot_app;

\connect ingot_test
ALTER SCHEMA public OWNER TO ingot_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ingot_app;
