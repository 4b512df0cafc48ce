-- CreateEnum
CREATE TYPE "alarm_rule_kind" AS ENUM ('high', 'low', 'rate_of_change', 'stale', 'state_change');

-- CreateEnum
CREATE TYPE "alarm_severity" AS ENUM ('critical', 'high', 'medium', 'low');

-- CreateEnum
CREATE TYPE "alarm_state" AS ENUM ('active_unacked', 'active_acked', 'cleared_unacked', 'closed');

-- CreateEnum
CREATE TYPE "inspection_status" AS ENUM ('requested', 'sampled', 'received', 'results_entered', 'evaluated', 'approved', 'rejected', 'cancelled');

-- CreateEnum
CREATE TYPE "nonconformance_status" AS ENUM ('open', 'dispositioned', 'closed');

-- CreateEnum
CREATE TYPE "disposition" AS ENUM ('rework', 'downgrade', 'scrap', 'concession');

-- CreateTable
CREATE TABLE "alarm_rule" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "equipment" TEXT NOT NULL,
    "tag" TEXT,
    "kind" "alarm_rule_kind" NOT NULL,
    "threshold" DOUBLE PRECISION,
    "deadband" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "rate_per_minute" DOUBLE PRECISION,
    "stale_after_seconds" INTEGER,
    "trigger_states" JSONB NOT NULL DEFAULT '[]',
    "on_delay_seconds" INTEGER NOT NULL DEFAULT 0,
    "severity" "alarm_severity" NOT NULL DEFAULT 'medium',
    "message" TEXT NOT NULL DEFAULT '',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alarm_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alarm" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "rule_id" UUID,
    "open_key" TEXT,
    "equipment" TEXT,
    "tag" TEXT,
    "severity" "alarm_severity" NOT NULL,
    "message" TEXT NOT NULL,
    "state" "alarm_state" NOT NULL DEFAULT 'active_unacked',
    "value" DOUBLE PRECISION,
    "raised_at" TIMESTAMPTZ(3) NOT NULL,
    "cleared_at" TIMESTAMPTZ(3),
    "acked_at" TIMESTAMPTZ(3),
    "acked_by_id" UUID,
    "shelved_until" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alarm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alarm_event" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "alarm_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" UUID,
    "text" TEXT NOT NULL DEFAULT '',
    "value" DOUBLE PRECISION,

    CONSTRAINT "alarm_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection_plan" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "product_spec_id" UUID,
    "product_family" "product_family",
    "alloy_id" UUID,
    "operation_code" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "inspection_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection_characteristic" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "element" TEXT NOT NULL DEFAULT '',
    "unit" TEXT NOT NULL,
    "nominal" DOUBLE PRECISION,
    "lower_limit" DOUBLE PRECISION,
    "upper_limit" DOUBLE PRECISION,
    "limit_source" TEXT NOT NULL DEFAULT 'manual',
    "method" TEXT NOT NULL DEFAULT '',
    "samples_per_lot" INTEGER NOT NULL DEFAULT 1,
    "frequency" TEXT NOT NULL DEFAULT 'every_lot',
    "frequency_n" INTEGER,

    CONSTRAINT "inspection_characteristic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection_request" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,
    "request_no" TEXT NOT NULL,
    "lot_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "operation_id" UUID,
    "origin" TEXT NOT NULL,
    "status" "inspection_status" NOT NULL DEFAULT 'requested',
    "limits" JSONB NOT NULL DEFAULT '[]',
    "verdict" TEXT,
    "decision" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "requested_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "inspection_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lab_sample" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "sample_no" TEXT NOT NULL,
    "position" TEXT NOT NULL DEFAULT '',
    "received_at" TIMESTAMPTZ(3),
    "received_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lab_sample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection_result" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "sample_id" UUID NOT NULL,
    "characteristic_id" UUID NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "verdict" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'form',
    "supersedes_id" UUID,
    "entered_by_id" UUID,
    "entered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inspection_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nonconformance" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,
    "nc_no" TEXT NOT NULL,
    "lot_id" UUID NOT NULL,
    "request_id" UUID,
    "defect_code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "nonconformance_status" NOT NULL DEFAULT 'open',
    "disposition" "disposition",
    "disposition_note" TEXT NOT NULL DEFAULT '',
    "concession_ref" TEXT NOT NULL DEFAULT '',
    "disposition_by_id" UUID,
    "disposition_at" TIMESTAMPTZ(3),
    "corrective_action" TEXT NOT NULL DEFAULT '',
    "corrective_owner_id" UUID,
    "corrective_due_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "nonconformance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "spc_chart" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "chart_type" TEXT NOT NULL,
    "characteristic" TEXT NOT NULL,
    "element" TEXT NOT NULL DEFAULT '',
    "plan_id" UUID,
    "subgroup_size" INTEGER NOT NULL DEFAULT 1,
    "rules" JSONB NOT NULL DEFAULT '["WE1","WE2","WE3","WE4"]',
    "phase" TEXT NOT NULL DEFAULT 'I',
    "limits" JSONB,
    "limits_frozen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "spc_chart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificate" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cert_no" TEXT NOT NULL,
    "shipment_id" UUID NOT NULL,
    "verify_token" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'valid',
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issued_by_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),
    "revoke_reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "certificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alarm_rule_tenant_id_plant_id_enabled_idx" ON "alarm_rule"("tenant_id", "plant_id", "enabled");

-- CreateIndex
CREATE UNIQUE INDEX "alarm_rule_tenant_id_id_key" ON "alarm_rule"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "alarm_tenant_id_plant_id_state_idx" ON "alarm"("tenant_id", "plant_id", "state");

-- CreateIndex
CREATE INDEX "alarm_tenant_id_raised_at_idx" ON "alarm"("tenant_id", "raised_at");

-- CreateIndex
CREATE UNIQUE INDEX "alarm_tenant_id_open_key_key" ON "alarm"("tenant_id", "open_key");

-- CreateIndex
CREATE UNIQUE INDEX "alarm_tenant_id_id_key" ON "alarm"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "alarm_event_tenant_id_alarm_id_at_idx" ON "alarm_event"("tenant_id", "alarm_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "inspection_plan_tenant_id_code_key" ON "inspection_plan"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "inspection_plan_tenant_id_id_key" ON "inspection_plan"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "inspection_characteristic_plan_id_seq_key" ON "inspection_characteristic"("plan_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "inspection_characteristic_tenant_id_id_key" ON "inspection_characteristic"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "inspection_request_tenant_id_lot_id_idx" ON "inspection_request"("tenant_id", "lot_id");

-- CreateIndex
CREATE INDEX "inspection_request_tenant_id_status_idx" ON "inspection_request"("tenant_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "inspection_request_tenant_id_request_no_key" ON "inspection_request"("tenant_id", "request_no");

-- CreateIndex
CREATE UNIQUE INDEX "inspection_request_tenant_id_id_key" ON "inspection_request"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "lab_sample_tenant_id_sample_no_key" ON "lab_sample"("tenant_id", "sample_no");

-- CreateIndex
CREATE UNIQUE INDEX "lab_sample_tenant_id_id_key" ON "lab_sample"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "inspection_result_tenant_id_request_id_idx" ON "inspection_result"("tenant_id", "request_id");

-- CreateIndex
CREATE INDEX "inspection_result_tenant_id_characteristic_id_entered_at_idx" ON "inspection_result"("tenant_id", "characteristic_id", "entered_at");

-- CreateIndex
CREATE UNIQUE INDEX "inspection_result_tenant_id_id_key" ON "inspection_result"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "nonconformance_tenant_id_status_idx" ON "nonconformance"("tenant_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "nonconformance_tenant_id_nc_no_key" ON "nonconformance"("tenant_id", "nc_no");

-- CreateIndex
CREATE UNIQUE INDEX "nonconformance_tenant_id_id_key" ON "nonconformance"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "spc_chart_tenant_id_id_key" ON "spc_chart"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "spc_chart_tenant_id_name_key" ON "spc_chart"("tenant_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_verify_token_key" ON "certificate"("verify_token");

-- CreateIndex
CREATE INDEX "certificate_tenant_id_shipment_id_idx" ON "certificate"("tenant_id", "shipment_id");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_tenant_id_cert_no_key" ON "certificate"("tenant_id", "cert_no");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_tenant_id_id_key" ON "certificate"("tenant_id", "id");

-- AddForeignKey
ALTER TABLE "alarm_rule" ADD CONSTRAINT "alarm_rule_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm_rule" ADD CONSTRAINT "alarm_rule_tenant_id_plant_id_fkey" FOREIGN KEY ("tenant_id", "plant_id") REFERENCES "plant"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm" ADD CONSTRAINT "alarm_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm" ADD CONSTRAINT "alarm_tenant_id_plant_id_fkey" FOREIGN KEY ("tenant_id", "plant_id") REFERENCES "plant"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm" ADD CONSTRAINT "alarm_tenant_id_rule_id_fkey" FOREIGN KEY ("tenant_id", "rule_id") REFERENCES "alarm_rule"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm_event" ADD CONSTRAINT "alarm_event_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm_event" ADD CONSTRAINT "alarm_event_tenant_id_alarm_id_fkey" FOREIGN KEY ("tenant_id", "alarm_id") REFERENCES "alarm"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_tenant_id_product_spec_id_fkey" FOREIGN KEY ("tenant_id", "product_spec_id") REFERENCES "product_spec"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_tenant_id_alloy_id_fkey" FOREIGN KEY ("tenant_id", "alloy_id") REFERENCES "alloy"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_characteristic" ADD CONSTRAINT "inspection_characteristic_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_characteristic" ADD CONSTRAINT "inspection_characteristic_tenant_id_plan_id_fkey" FOREIGN KEY ("tenant_id", "plan_id") REFERENCES "inspection_plan"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_request" ADD CONSTRAINT "inspection_request_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_request" ADD CONSTRAINT "inspection_request_tenant_id_plant_id_fkey" FOREIGN KEY ("tenant_id", "plant_id") REFERENCES "plant"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_request" ADD CONSTRAINT "inspection_request_tenant_id_lot_id_fkey" FOREIGN KEY ("tenant_id", "lot_id") REFERENCES "material_lot"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_request" ADD CONSTRAINT "inspection_request_tenant_id_plan_id_fkey" FOREIGN KEY ("tenant_id", "plan_id") REFERENCES "inspection_plan"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_request" ADD CONSTRAINT "inspection_request_tenant_id_operation_id_fkey" FOREIGN KEY ("tenant_id", "operation_id") REFERENCES "work_order_operation"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_sample" ADD CONSTRAINT "lab_sample_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_sample" ADD CONSTRAINT "lab_sample_tenant_id_request_id_fkey" FOREIGN KEY ("tenant_id", "request_id") REFERENCES "inspection_request"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_result" ADD CONSTRAINT "inspection_result_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_result" ADD CONSTRAINT "inspection_result_tenant_id_request_id_fkey" FOREIGN KEY ("tenant_id", "request_id") REFERENCES "inspection_request"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_result" ADD CONSTRAINT "inspection_result_tenant_id_sample_id_fkey" FOREIGN KEY ("tenant_id", "sample_id") REFERENCES "lab_sample"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_result" ADD CONSTRAINT "inspection_result_tenant_id_characteristic_id_fkey" FOREIGN KEY ("tenant_id", "characteristic_id") REFERENCES "inspection_characteristic"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nonconformance" ADD CONSTRAINT "nonconformance_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nonconformance" ADD CONSTRAINT "nonconformance_tenant_id_plant_id_fkey" FOREIGN KEY ("tenant_id", "plant_id") REFERENCES "plant"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nonconformance" ADD CONSTRAINT "nonconformance_tenant_id_lot_id_fkey" FOREIGN KEY ("tenant_id", "lot_id") REFERENCES "material_lot"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nonconformance" ADD CONSTRAINT "nonconformance_tenant_id_request_id_fkey" FOREIGN KEY ("tenant_id", "request_id") REFERENCES "inspection_request"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "spc_chart" ADD CONSTRAINT "spc_chart_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "spc_chart" ADD CONSTRAINT "spc_chart_tenant_id_plant_id_fkey" FOREIGN KEY ("tenant_id", "plant_id") REFERENCES "plant"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_tenant_id_shipment_id_fkey" FOREIGN KEY ("tenant_id", "shipment_id") REFERENCES "shipment"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;




-- ---------------------------------------------------------------------------------------------------------
-- Hand-written: row-level security on every new tenant-owned table (same policy as plant, area, ...).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'alarm_rule', 'alarm', 'alarm_event',
    'inspection_plan', 'inspection_characteristic', 'inspection_request', 'lab_sample', 'inspection_result',
    'nonconformance', 'spc_chart', 'certificate'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id())',
      t || '_tenant', t);
  END LOOP;
END
$$;

-- Histories are append-only for the application: an alarm's events and the lab's measured values are corrected by
-- new rows (a result supersedes an earlier one), never rewritten.
REVOKE UPDATE, DELETE ON TABLE alarm_event FROM ingot_app;
REVOKE UPDATE, DELETE ON TABLE inspection_result FROM ingot_app;

-- The public certificate verification page (no sign-in) finds a certificate by its unguessable token before any
-- tenant is known: this is the one cross-tenant read it needs. It returns that certificate's frozen facts, its
-- validity and the issuing company's name; nothing else of the tenant.
CREATE POLICY certificate_definer ON certificate FOR SELECT TO CURRENT_USER USING (true);
CREATE FUNCTION app_certificate_by_token(p_token text)
  RETURNS TABLE (cert_no text, issuer_name text, content jsonb, content_hash text, status text,
                 issued_at timestamptz, revoked_at timestamptz, revoke_reason text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT c.cert_no, t.name, c.content, c.content_hash, c.status, c.issued_at, c.revoked_at, c.revoke_reason
      FROM certificate c JOIN tenant t ON t.id = c.tenant_id
     WHERE c.verify_token = p_token AND length(p_token) >= 22
$$;
GRANT EXECUTE ON FUNCTION app_certificate_by_token(text) TO ingot_app;
