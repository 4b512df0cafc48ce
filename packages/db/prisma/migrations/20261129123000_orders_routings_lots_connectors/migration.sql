-- Issue 5 (master data, sales orders, routings, work orders, plans, material lots and genealogy, partner shares),
-- issue 4 (connectors with their broker credentials) and issue 3 (the tenant's "second factor for everyone").
-- The first part is what `prisma migrate diff` generated from schema.prisma; the hand-written part at the end adds
-- row-level security, append-only grants and the broker's credential lookup.

-- CreateEnum
CREATE TYPE "metal_family" AS ENUM ('aluminium', 'copper');

-- CreateEnum
CREATE TYPE "product_family" AS ENUM ('plate', 'sheet', 'strip_coil', 'foil', 'extrusion_profile', 'rod_wire', 'tube');

-- CreateEnum
CREATE TYPE "order_status" AS ENUM ('entered', 'confirmed', 'planned', 'in_production', 'quality_release', 'ready', 'shipped', 'cancelled');

-- CreateEnum
CREATE TYPE "quantity_unit" AS ENUM ('t', 'pcs');

-- CreateEnum
CREATE TYPE "rate_unit" AS ENUM ('t_per_h', 'm_per_min', 'h_per_batch');

-- CreateEnum
CREATE TYPE "work_order_status" AS ENUM ('created', 'released', 'in_progress', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "operation_status" AS ENUM ('pending', 'in_progress', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "plan_status" AS ENUM ('draft', 'published', 'superseded');

-- CreateEnum
CREATE TYPE "lot_kind" AS ENUM ('ingot', 'billet', 'slab', 'coil', 'sheet_pack', 'foil_roll', 'profile_bundle', 'rod_coil', 'tube_bundle', 'other');

-- CreateEnum
CREATE TYPE "lot_status" AS ENUM ('available', 'in_process', 'consumed', 'on_hold', 'released', 'shipped', 'scrapped');

-- AlterTable
ALTER TABLE "membership" ADD COLUMN     "partnership_id" UUID;

-- AlterTable
ALTER TABLE "tenant" ADD COLUMN     "require_second_factor" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "alloy" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "family" "metal_family" NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "standard" TEXT NOT NULL DEFAULT '',
    "density" DOUBLE PRECISION,
    "composition" JSONB NOT NULL DEFAULT '{}',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alloy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "temper" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "family" "metal_family" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "temper_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'CN',
    "contact" JSONB NOT NULL DEFAULT '{}',
    "partnership_id" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "product_spec" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "product_family" "product_family" NOT NULL,
    "alloy_id" UUID NOT NULL,
    "temper_id" UUID NOT NULL,
    "customer_id" UUID,
    "thickness_mm" DOUBLE PRECISION NOT NULL,
    "thickness_tol_minus" DOUBLE PRECISION NOT NULL,
    "thickness_tol_plus" DOUBLE PRECISION NOT NULL,
    "width_mm" DOUBLE PRECISION,
    "width_tol_minus" DOUBLE PRECISION,
    "width_tol_plus" DOUBLE PRECISION,
    "length_mm" DOUBLE PRECISION,
    "coil_weight_kg" DOUBLE PRECISION,
    "inner_diameter_mm" DOUBLE PRECISION,
    "outer_diameter_mm" DOUBLE PRECISION,
    "surface" TEXT NOT NULL DEFAULT '',
    "tolerance_source" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "product_spec_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_order" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,
    "order_no" TEXT NOT NULL,
    "customer_id" UUID NOT NULL,
    "customer_po" TEXT NOT NULL DEFAULT '',
    "status" "order_status" NOT NULL DEFAULT 'entered',
    "priority" INTEGER NOT NULL DEFAULT 1,
    "requested_date" TIMESTAMPTZ(3),
    "promised_date" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "notes" TEXT NOT NULL DEFAULT '',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sales_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_order_line" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "line_no" INTEGER NOT NULL,
    "spec_id" UUID NOT NULL,
    "quantity" DOUBLE PRECISION NOT NULL,
    "unit" "quantity_unit" NOT NULL DEFAULT 't',
    "requested_date" TIMESTAMPTZ(3) NOT NULL,
    "promised_date" TIMESTAMPTZ(3),
    "status" "order_status" NOT NULL DEFAULT 'entered',
    "shipped_quantity" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sales_order_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_order_event" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "line_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "from_status" "order_status",
    "to_status" "order_status",
    "details" JSONB NOT NULL DEFAULT '{}',
    "actor_user_id" UUID,

    CONSTRAINT "sales_order_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipment" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "shipment_no" TEXT NOT NULL,
    "shipped_at" TIMESTAMPTZ(3) NOT NULL,
    "carrier" TEXT NOT NULL DEFAULT '',
    "vehicle_no" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipment_line" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "shipment_id" UUID NOT NULL,
    "line_id" UUID NOT NULL,
    "lot_id" UUID,
    "quantity" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "shipment_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routing_template" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "product_family" "product_family" NOT NULL,
    "alloy_id" UUID,
    "temper_id" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "routing_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routing_step" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "routing_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "operation_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "yield" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "recipe" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "routing_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routing_step_equipment" (
    "tenant_id" UUID NOT NULL,
    "step_id" UUID NOT NULL,
    "equipment_id" UUID NOT NULL,
    "rate" DOUBLE PRECISION NOT NULL,
    "rate_unit" "rate_unit" NOT NULL,
    "fixed_minutes" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "routing_step_equipment_pkey" PRIMARY KEY ("step_id","equipment_id")
);

-- CreateTable
CREATE TABLE "work_order" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,
    "work_order_no" TEXT NOT NULL,
    "order_line_id" UUID NOT NULL,
    "routing_id" UUID NOT NULL,
    "status" "work_order_status" NOT NULL DEFAULT 'created',
    "output_t" DOUBLE PRECISION NOT NULL,
    "input_t" DOUBLE PRECISION NOT NULL,
    "input_material" JSONB NOT NULL DEFAULT '{}',
    "release_date" TIMESTAMPTZ(3) NOT NULL,
    "due_date" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "work_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_order_operation" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "work_order_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "step_id" UUID NOT NULL,
    "operation_code" TEXT NOT NULL,
    "status" "operation_status" NOT NULL DEFAULT 'pending',
    "input_t" DOUBLE PRECISION NOT NULL,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "actual_start" TIMESTAMPTZ(3),
    "actual_end" TIMESTAMPTZ(3),
    "actual_equipment_id" UUID,
    "good_t" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "scrap_t" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "work_order_operation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operation_report" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "operation_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "equipment_id" UUID,
    "good_t" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "scrap_t" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "output_lot_id" UUID,
    "note" TEXT NOT NULL DEFAULT '',
    "actor_user_id" UUID,

    CONSTRAINT "operation_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "equipment_downtime" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "equipment_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3),
    "reason" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "equipment_downtime_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_version" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "plan_status" NOT NULL DEFAULT 'draft',
    "trigger" TEXT NOT NULL,
    "horizon_start" TIMESTAMPTZ(3) NOT NULL,
    "frozen_until" TIMESTAMPTZ(3) NOT NULL,
    "kpis" JSONB NOT NULL DEFAULT '{}',
    "explanations" JSONB NOT NULL DEFAULT '[]',
    "solver" JSONB NOT NULL DEFAULT '{}',
    "workflow_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "plan_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_assignment" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "operation_id" UUID NOT NULL,
    "equipment_id" UUID NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,
    "setup_minutes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "batch_key" TEXT,

    CONSTRAINT "plan_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "material_lot" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,
    "lot_no" TEXT NOT NULL,
    "kind" "lot_kind" NOT NULL,
    "status" "lot_status" NOT NULL DEFAULT 'available',
    "alloy_id" UUID,
    "temper_id" UUID,
    "weight_kg" DOUBLE PRECISION NOT NULL,
    "heat_no" TEXT,
    "cast_no" TEXT,
    "dimensions" JSONB NOT NULL DEFAULT '{}',
    "location" TEXT NOT NULL DEFAULT '',
    "work_order_id" UUID,
    "operation_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "material_lot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lot_link" (
    "tenant_id" UUID NOT NULL,
    "parent_lot_id" UUID NOT NULL,
    "child_lot_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "weight_kg" DOUBLE PRECISION NOT NULL,
    "operation_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lot_link_pkey" PRIMARY KEY ("parent_lot_id","child_lot_id")
);

-- CreateTable
CREATE TABLE "partner_share" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "partnership_id" UUID NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partner_share_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connector" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT,
    "credentials_issued_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "config" TEXT NOT NULL DEFAULT '',
    "config_version" INTEGER NOT NULL DEFAULT 0,
    "last_seen_at" TIMESTAMPTZ(3),
    "last_status" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "connector_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alloy_tenant_id_code_key" ON "alloy"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "alloy_tenant_id_id_key" ON "alloy"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "temper_tenant_id_family_code_key" ON "temper"("tenant_id", "family", "code");

-- CreateIndex
CREATE UNIQUE INDEX "temper_tenant_id_id_key" ON "temper"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "customer_tenant_id_code_key" ON "customer"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "customer_tenant_id_id_key" ON "customer"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "product_spec_tenant_id_code_key" ON "product_spec"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "product_spec_tenant_id_id_key" ON "product_spec"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "sales_order_tenant_id_plant_id_status_idx" ON "sales_order"("tenant_id", "plant_id", "status");

-- CreateIndex
CREATE INDEX "sales_order_tenant_id_customer_id_idx" ON "sales_order"("tenant_id", "customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "sales_order_tenant_id_order_no_key" ON "sales_order"("tenant_id", "order_no");

-- CreateIndex
CREATE UNIQUE INDEX "sales_order_tenant_id_id_key" ON "sales_order"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "sales_order_line_order_id_line_no_key" ON "sales_order_line"("order_id", "line_no");

-- CreateIndex
CREATE UNIQUE INDEX "sales_order_line_tenant_id_id_key" ON "sales_order_line"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "sales_order_event_tenant_id_order_id_at_idx" ON "sales_order_event"("tenant_id", "order_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "shipment_tenant_id_shipment_no_key" ON "shipment"("tenant_id", "shipment_no");

-- CreateIndex
CREATE UNIQUE INDEX "shipment_tenant_id_id_key" ON "shipment"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "shipment_line_tenant_id_shipment_id_idx" ON "shipment_line"("tenant_id", "shipment_id");

-- CreateIndex
CREATE UNIQUE INDEX "routing_template_tenant_id_code_key" ON "routing_template"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "routing_template_tenant_id_id_key" ON "routing_template"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "routing_step_routing_id_seq_key" ON "routing_step"("routing_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "routing_step_tenant_id_id_key" ON "routing_step"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "routing_step_equipment_tenant_id_equipment_id_idx" ON "routing_step_equipment"("tenant_id", "equipment_id");

-- CreateIndex
CREATE INDEX "work_order_tenant_id_plant_id_status_idx" ON "work_order"("tenant_id", "plant_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "work_order_tenant_id_work_order_no_key" ON "work_order"("tenant_id", "work_order_no");

-- CreateIndex
CREATE UNIQUE INDEX "work_order_tenant_id_id_key" ON "work_order"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "work_order_operation_work_order_id_seq_key" ON "work_order_operation"("work_order_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "work_order_operation_tenant_id_id_key" ON "work_order_operation"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "operation_report_tenant_id_operation_id_idx" ON "operation_report"("tenant_id", "operation_id");

-- CreateIndex
CREATE INDEX "equipment_downtime_tenant_id_equipment_id_start_idx" ON "equipment_downtime"("tenant_id", "equipment_id", "start");

-- CreateIndex
CREATE INDEX "plan_version_tenant_id_plant_id_status_idx" ON "plan_version"("tenant_id", "plant_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "plan_version_tenant_id_plant_id_version_key" ON "plan_version"("tenant_id", "plant_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "plan_version_tenant_id_id_key" ON "plan_version"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "plan_assignment_tenant_id_plan_id_equipment_id_start_idx" ON "plan_assignment"("tenant_id", "plan_id", "equipment_id", "start");

-- CreateIndex
CREATE UNIQUE INDEX "plan_assignment_plan_id_operation_id_key" ON "plan_assignment"("plan_id", "operation_id");

-- CreateIndex
CREATE INDEX "material_lot_tenant_id_heat_no_idx" ON "material_lot"("tenant_id", "heat_no");

-- CreateIndex
CREATE INDEX "material_lot_tenant_id_work_order_id_idx" ON "material_lot"("tenant_id", "work_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "material_lot_tenant_id_lot_no_key" ON "material_lot"("tenant_id", "lot_no");

-- CreateIndex
CREATE UNIQUE INDEX "material_lot_tenant_id_id_key" ON "material_lot"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "lot_link_tenant_id_child_lot_id_idx" ON "lot_link"("tenant_id", "child_lot_id");

-- CreateIndex
CREATE INDEX "partner_share_tenant_id_target_type_target_id_idx" ON "partner_share"("tenant_id", "target_type", "target_id");

-- CreateIndex
CREATE UNIQUE INDEX "partner_share_partnership_id_target_type_target_id_key" ON "partner_share"("partnership_id", "target_type", "target_id");

-- CreateIndex
CREATE UNIQUE INDEX "connector_username_key" ON "connector"("username");

-- CreateIndex
CREATE UNIQUE INDEX "connector_tenant_id_code_key" ON "connector"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "connector_tenant_id_id_key" ON "connector"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "equipment_tenant_id_id_key" ON "equipment"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "partnership_tenant_id_id_key" ON "partnership"("tenant_id", "id");

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_tenant_id_partnership_id_fkey" FOREIGN KEY ("tenant_id", "partnership_id") REFERENCES "partnership"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alloy" ADD CONSTRAINT "alloy_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "temper" ADD CONSTRAINT "temper_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer" ADD CONSTRAINT "customer_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer" ADD CONSTRAINT "customer_tenant_id_partnership_id_fkey" FOREIGN KEY ("tenant_id", "partnership_id") REFERENCES "partnership"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_spec" ADD CONSTRAINT "product_spec_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_spec" ADD CONSTRAINT "product_spec_tenant_id_alloy_id_fkey" FOREIGN KEY ("tenant_id", "alloy_id") REFERENCES "alloy"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_spec" ADD CONSTRAINT "product_spec_tenant_id_temper_id_fkey" FOREIGN KEY ("tenant_id", "temper_id") REFERENCES "temper"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_spec" ADD CONSTRAINT "product_spec_tenant_id_customer_id_fkey" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customer"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_tenant_id_plant_id_fkey" FOREIGN KEY ("tenant_id", "plant_id") REFERENCES "plant"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_tenant_id_customer_id_fkey" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customer"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_order_line" ADD CONSTRAINT "sales_order_line_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_order_line" ADD CONSTRAINT "sales_order_line_tenant_id_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "sales_order"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_order_line" ADD CONSTRAINT "sales_order_line_tenant_id_spec_id_fkey" FOREIGN KEY ("tenant_id", "spec_id") REFERENCES "product_spec"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_order_event" ADD CONSTRAINT "sales_order_event_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_order_event" ADD CONSTRAINT "sales_order_event_tenant_id_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "sales_order"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment" ADD CONSTRAINT "shipment_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment" ADD CONSTRAINT "shipment_tenant_id_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "sales_order"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_line" ADD CONSTRAINT "shipment_line_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_line" ADD CONSTRAINT "shipment_line_tenant_id_shipment_id_fkey" FOREIGN KEY ("tenant_id", "shipment_id") REFERENCES "shipment"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_line" ADD CONSTRAINT "shipment_line_tenant_id_line_id_fkey" FOREIGN KEY ("tenant_id", "line_id") REFERENCES "sales_order_line"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipment_line" ADD CONSTRAINT "shipment_line_tenant_id_lot_id_fkey" FOREIGN KEY ("tenant_id", "lot_id") REFERENCES "material_lot"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_template" ADD CONSTRAINT "routing_template_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_template" ADD CONSTRAINT "routing_template_tenant_id_alloy_id_fkey" FOREIGN KEY ("tenant_id", "alloy_id") REFERENCES "alloy"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_template" ADD CONSTRAINT "routing_template_tenant_id_temper_id_fkey" FOREIGN KEY ("tenant_id", "temper_id") REFERENCES "temper"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_step" ADD CONSTRAINT "routing_step_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_step" ADD CONSTRAINT "routing_step_tenant_id_routing_id_fkey" FOREIGN KEY ("tenant_id", "routing_id") REFERENCES "routing_template"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_step_equipment" ADD CONSTRAINT "routing_step_equipment_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_step_equipment" ADD CONSTRAINT "routing_step_equipment_tenant_id_step_id_fkey" FOREIGN KEY ("tenant_id", "step_id") REFERENCES "routing_step"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_step_equipment" ADD CONSTRAINT "routing_step_equipment_tenant_id_equipment_id_fkey" FOREIGN KEY ("tenant_id", "equipment_id") REFERENCES "equipment"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order" ADD CONSTRAINT "work_order_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order" ADD CONSTRAINT "work_order_tenant_id_plant_id_fkey" FOREIGN KEY ("tenant_id", "plant_id") REFERENCES "plant"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order" ADD CONSTRAINT "work_order_tenant_id_order_line_id_fkey" FOREIGN KEY ("tenant_id", "order_line_id") REFERENCES "sales_order_line"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order" ADD CONSTRAINT "work_order_tenant_id_routing_id_fkey" FOREIGN KEY ("tenant_id", "routing_id") REFERENCES "routing_template"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_operation" ADD CONSTRAINT "work_order_operation_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_operation" ADD CONSTRAINT "work_order_operation_tenant_id_work_order_id_fkey" FOREIGN KEY ("tenant_id", "work_order_id") REFERENCES "work_order"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_order_operation" ADD CONSTRAINT "work_order_operation_tenant_id_step_id_fkey" FOREIGN KEY ("tenant_id", "step_id") REFERENCES "routing_step"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operation_report" ADD CONSTRAINT "operation_report_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operation_report" ADD CONSTRAINT "operation_report_tenant_id_operation_id_fkey" FOREIGN KEY ("tenant_id", "operation_id") REFERENCES "work_order_operation"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "equipment_downtime" ADD CONSTRAINT "equipment_downtime_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "equipment_downtime" ADD CONSTRAINT "equipment_downtime_tenant_id_equipment_id_fkey" FOREIGN KEY ("tenant_id", "equipment_id") REFERENCES "equipment"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_tenant_id_plant_id_fkey" FOREIGN KEY ("tenant_id", "plant_id") REFERENCES "plant"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_assignment" ADD CONSTRAINT "plan_assignment_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_assignment" ADD CONSTRAINT "plan_assignment_tenant_id_plan_id_fkey" FOREIGN KEY ("tenant_id", "plan_id") REFERENCES "plan_version"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_assignment" ADD CONSTRAINT "plan_assignment_tenant_id_operation_id_fkey" FOREIGN KEY ("tenant_id", "operation_id") REFERENCES "work_order_operation"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_assignment" ADD CONSTRAINT "plan_assignment_tenant_id_equipment_id_fkey" FOREIGN KEY ("tenant_id", "equipment_id") REFERENCES "equipment"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_lot" ADD CONSTRAINT "material_lot_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_lot" ADD CONSTRAINT "material_lot_tenant_id_plant_id_fkey" FOREIGN KEY ("tenant_id", "plant_id") REFERENCES "plant"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_lot" ADD CONSTRAINT "material_lot_tenant_id_alloy_id_fkey" FOREIGN KEY ("tenant_id", "alloy_id") REFERENCES "alloy"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_lot" ADD CONSTRAINT "material_lot_tenant_id_temper_id_fkey" FOREIGN KEY ("tenant_id", "temper_id") REFERENCES "temper"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_lot" ADD CONSTRAINT "material_lot_tenant_id_work_order_id_fkey" FOREIGN KEY ("tenant_id", "work_order_id") REFERENCES "work_order"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_lot" ADD CONSTRAINT "material_lot_tenant_id_operation_id_fkey" FOREIGN KEY ("tenant_id", "operation_id") REFERENCES "work_order_operation"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lot_link" ADD CONSTRAINT "lot_link_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lot_link" ADD CONSTRAINT "lot_link_tenant_id_parent_lot_id_fkey" FOREIGN KEY ("tenant_id", "parent_lot_id") REFERENCES "material_lot"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lot_link" ADD CONSTRAINT "lot_link_tenant_id_child_lot_id_fkey" FOREIGN KEY ("tenant_id", "child_lot_id") REFERENCES "material_lot"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_share" ADD CONSTRAINT "partner_share_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_share" ADD CONSTRAINT "partner_share_tenant_id_partnership_id_fkey" FOREIGN KEY ("tenant_id", "partnership_id") REFERENCES "partnership"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connector" ADD CONSTRAINT "connector_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connector" ADD CONSTRAINT "connector_tenant_id_plant_id_fkey" FOREIGN KEY ("tenant_id", "plant_id") REFERENCES "plant"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- ---------------------------------------------------------------------------------------------------------
-- Hand-written: row-level security on every new tenant-owned table (same policy as plant, area, ...).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'alloy', 'temper', 'customer', 'product_spec',
    'sales_order', 'sales_order_line', 'sales_order_event', 'shipment', 'shipment_line',
    'routing_template', 'routing_step', 'routing_step_equipment',
    'work_order', 'work_order_operation', 'operation_report', 'equipment_downtime',
    'plan_version', 'plan_assignment', 'material_lot', 'lot_link', 'partner_share', 'connector'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id())',
      t || '_tenant', t);
  END LOOP;
END
$$;

-- Records of what happened are append-only for the application: the order timeline, operator reports and lot
-- genealogy are corrected by new rows, never rewritten.
REVOKE UPDATE, DELETE ON TABLE sales_order_event FROM ingot_app;
REVOKE UPDATE, DELETE ON TABLE operation_report FROM ingot_app;
REVOKE UPDATE, DELETE ON TABLE lot_link FROM ingot_app;

-- The broker authenticates a connector by its MQTT username before any tenant is known: this is the one
-- cross-tenant read it needs. It returns the connector's identity (from which ingest and the ACL derive the
-- tenant and topic prefix — never from the topic or payload) and its password hash; nothing else.
-- FORCEd RLS binds a non-superuser owner too: the definer may read connectors by username. The plant is then read
-- under the connector's own tenant (set for the duration of the call and restored), so no wider owner policy on
-- plant is needed.
CREATE POLICY connector_definer ON connector FOR SELECT TO CURRENT_USER USING (true);
CREATE FUNCTION app_connector_credentials(p_username text)
  RETURNS TABLE (connector_id uuid, tenant_id uuid, tenant_slug text, plant_id uuid, plant_code text,
                 connector_code text, password_hash text, revoked boolean)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  v_prev text := current_setting('app.tenant_id', true);
  c      record;
BEGIN
  SELECT k.id, k.tenant_id, k.plant_id, k.code, k.password_hash, k.revoked_at, t.slug, t.status
    INTO c
    FROM connector k JOIN tenant t ON t.id = k.tenant_id
   WHERE k.username = p_username;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  PERFORM set_config('app.tenant_id', c.tenant_id::text, true);
  RETURN QUERY
    SELECT c.id, c.tenant_id, c.slug, p.id, p.code, c.code, c.password_hash,
           (c.revoked_at IS NOT NULL OR c.status <> 'active')
      FROM plant p WHERE p.tenant_id = c.tenant_id AND p.id = c.plant_id;
  PERFORM set_config('app.tenant_id', coalesce(v_prev, ''), true);
END
$$;
GRANT EXECUTE ON FUNCTION app_connector_credentials(text) TO ingot_app;
