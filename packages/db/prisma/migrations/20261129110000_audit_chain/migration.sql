-- Audit trail: append-only and hash-chained per tenant (issue 3). Prisma's part (columns, head table, keys) is
-- followed by the hand-written part Prisma does not model: the hash function, the chaining trigger, the
-- append-only guard, grants and row-level security. packages/db/README.md ("Audit trail") explains the design;
-- src/audit-chain.ts recomputes the chain independently (`npm run audit:verify -w @ingot/db`).

-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "actor_email" TEXT,
ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "prev_hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "audit_chain_head" (
    "tenant_id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("tenant_id")
);

-- AddForeignKey
ALTER TABLE "audit_chain_head" ADD CONSTRAINT "audit_chain_head_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------
-- The canonical form of a row, hashed: every field as text, each written as `-` (NULL) or `+<bytes>:<text>`
-- (length-prefixed, so no field can bleed into the next), in this order: prev_hash, tenant_id, seq, id,
-- at (UTC, milliseconds, ISO 8601), actor_user_id, actor_email, action, target_type, target_id, outcome,
-- request_id, source_ip, details (jsonb's canonical text). hash = hex(sha256(utf8(that))).
CREATE FUNCTION app_audit_field(v text) RETURNS text
  LANGUAGE sql
  IMMUTABLE
  AS $$ SELECT CASE WHEN v IS NULL THEN '-' ELSE '+' || octet_length(v)::text || ':' || v END $$;

CREATE FUNCTION app_audit_hash(e audit_event) RETURNS text
  LANGUAGE sql
  STABLE
  AS $$
  SELECT encode(sha256(convert_to(
           app_audit_field(e.prev_hash)
        || app_audit_field(e.tenant_id::text)
        || app_audit_field(e.seq::text)
        || app_audit_field(e.id::text)
        || app_audit_field(to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        || app_audit_field(e.actor_user_id::text)
        || app_audit_field(e.actor_email)
        || app_audit_field(e.action)
        || app_audit_field(e.target_type)
        || app_audit_field(e.target_id)
        || app_audit_field(e.outcome)
        || app_audit_field(e.request_id)
        || app_audit_field(e.source_ip)
        || app_audit_field(e.details::text),
         'UTF8')), 'hex')
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Chain the rows written before this migration (oldest first per tenant), as the trigger below would have.
-- FORCEd RLS binds a non-superuser owner too: a temporary owner policy lets this block see every tenant's rows.
CREATE POLICY audit_event_migration ON audit_event TO CURRENT_USER USING (true) WITH CHECK (true);
DO $$
DECLARE
  r        audit_event%ROWTYPE;
  v_tenant uuid := NULL;
  v_seq    bigint := 0;
  v_prev   text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM audit_event ORDER BY tenant_id, at, id LOOP
    IF v_tenant IS DISTINCT FROM r.tenant_id THEN
      IF v_tenant IS NOT NULL THEN
        INSERT INTO audit_chain_head (tenant_id, seq, hash) VALUES (v_tenant, v_seq, v_prev);
      END IF;
      v_tenant := r.tenant_id;
      v_seq := 0;
      v_prev := repeat('0', 64);
    END IF;
    v_seq := v_seq + 1;
    r.seq := v_seq;
    r.prev_hash := v_prev;
    r.actor_email := (SELECT u.email FROM app_user u WHERE u.id = r.actor_user_id);
    r.hash := app_audit_hash(r);
    UPDATE audit_event SET seq = r.seq, prev_hash = r.prev_hash, actor_email = r.actor_email, hash = r.hash
     WHERE id = r.id;
    v_prev := r.hash;
  END LOOP;
  IF v_tenant IS NOT NULL THEN
    INSERT INTO audit_chain_head (tenant_id, seq, hash) VALUES (v_tenant, v_seq, v_prev);
  END IF;
END
$$;
DROP POLICY audit_event_migration ON audit_event;

-- CreateIndex (after the backfill: every row had seq 0 before it)
CREATE UNIQUE INDEX "audit_event_tenant_id_seq_key" ON "audit_event"("tenant_id", "seq");

-- ---------------------------------------------------------------------------------------------------------
-- Chaining: every insert, whoever makes it, takes the tenant's head row FOR UPDATE (concurrent writers of one
-- tenant chain one after another; other tenants are not held up), gets the next seq and the head's hash as
-- prev_hash, the time and the actor's e-mail, and its hash; the head moves on. What the inserter passed for these
-- columns is ignored. A row whose id exists already is skipped (RETURN NULL) *before* the head moves: with
-- `INSERT ... ON CONFLICT DO NOTHING` (Prisma's createMany skipDuplicates, the workflows' idempotent audit
-- activity) a BEFORE trigger runs before the conflict is found, and would otherwise advance the head past a row
-- that is never written. SECURITY DEFINER: the app role has no write access to audit_chain_head.
CREATE FUNCTION app_audit_chain() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  v_seq  bigint;
  v_prev text;
BEGIN
  INSERT INTO audit_chain_head (tenant_id, seq, hash) VALUES (NEW.tenant_id, 0, repeat('0', 64))
    ON CONFLICT (tenant_id) DO NOTHING;
  SELECT h.seq, h.hash INTO v_seq, v_prev FROM audit_chain_head h WHERE h.tenant_id = NEW.tenant_id FOR UPDATE;
  IF EXISTS (SELECT 1 FROM audit_event e WHERE e.id = NEW.id) THEN
    RETURN NULL;
  END IF;
  NEW.seq := v_seq + 1;
  NEW.prev_hash := v_prev;
  NEW.at := date_trunc('milliseconds', clock_timestamp());
  NEW.actor_email := (SELECT u.email FROM app_user u WHERE u.id = NEW.actor_user_id);
  NEW.hash := app_audit_hash(NEW);
  UPDATE audit_chain_head h SET seq = NEW.seq, hash = NEW.hash, updated_at = clock_timestamp()
   WHERE h.tenant_id = NEW.tenant_id;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION app_audit_chain() FROM PUBLIC;
-- Trigger functions cannot be called directly; the grant only keeps the definer-function catalogue uniform.
GRANT EXECUTE ON FUNCTION app_audit_chain() TO ingot_app;

CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION app_audit_chain();

-- Append-only for everyone: UPDATE, DELETE and TRUNCATE raise (the app role is not even granted them). Deleting a
-- tenant therefore fails while it has audit rows: retention (>= 180 days, README) comes before any purge. An owner
-- who disables this trigger to edit history is exactly what `audit:verify` finds.
CREATE FUNCTION app_audit_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION app_audit_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION app_audit_append_only();

-- ---------------------------------------------------------------------------------------------------------
-- Privileges: the app role appends and reads audit rows, reads chain heads, nothing else.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ingot_app;
REVOKE ALL ON audit_chain_head FROM ingot_app;
GRANT SELECT ON audit_chain_head TO ingot_app;

ALTER TABLE audit_chain_head ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_head FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_chain_head_tenant ON audit_chain_head FOR SELECT
  USING (tenant_id = app_current_tenant_id());
-- The chaining trigger runs as the owner (FORCEd RLS binds a non-superuser owner too).
CREATE POLICY audit_chain_head_definer ON audit_chain_head TO CURRENT_USER USING (true) WITH CHECK (true);
