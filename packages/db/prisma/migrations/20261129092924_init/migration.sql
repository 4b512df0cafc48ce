-- CreateEnum
CREATE TYPE "tenant_kind" AS ENUM ('company', 'group');

-- CreateEnum
CREATE TYPE "tenant_status" AS ENUM ('active', 'suspended');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('tenant_admin', 'plant_manager', 'planner', 'operator', 'quality_engineer', 'lab_technician', 'maintenance', 'energy_manager', 'hse_officer', 'viewer', 'supplier', 'customer');

-- CreateEnum
CREATE TYPE "partnership_kind" AS ENUM ('supplier', 'customer');

-- CreateEnum
CREATE TYPE "work_center_kind" AS ENUM ('line', 'work_center');

-- CreateEnum
CREATE TYPE "equipment_class" AS ENUM ('casting_machine', 'hot_mill', 'cold_mill', 'foil_mill', 'extrusion_press', 'homogenizing_furnace', 'annealing_furnace', 'ageing_oven', 'stretcher', 'slitter', 'cut_to_length_line', 'other');

-- CreateTable
CREATE TABLE "tenant" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "tenant_kind" NOT NULL DEFAULT 'company',
    "default_locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "status" "tenant_status" NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "locale" TEXT,
    "platform_admin" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plant" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "address" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "area" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_center" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,
    "area_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "work_center_kind" NOT NULL DEFAULT 'line',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "work_center_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "equipment" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,
    "work_center_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "class" "equipment_class" NOT NULL,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "equipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "roles" "role"[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership_plant" (
    "tenant_id" UUID NOT NULL,
    "membership_id" UUID NOT NULL,
    "plant_id" UUID NOT NULL,

    CONSTRAINT "membership_plant_pkey" PRIMARY KEY ("membership_id","plant_id")
);

-- CreateTable
CREATE TABLE "partnership" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "partner_tenant_id" UUID NOT NULL,
    "kind" "partnership_kind" NOT NULL,
    "scopes" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "outcome" TEXT NOT NULL,
    "request_id" TEXT,
    "source_ip" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenant_slug_key" ON "tenant"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_subject_key" ON "app_user"("subject");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "plant_tenant_id_idx" ON "plant"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "plant_tenant_id_code_key" ON "plant"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "plant_tenant_id_id_key" ON "plant"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "area_tenant_id_plant_id_idx" ON "area"("tenant_id", "plant_id");

-- CreateIndex
CREATE UNIQUE INDEX "area_plant_id_code_key" ON "area"("plant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "area_tenant_id_plant_id_id_key" ON "area"("tenant_id", "plant_id", "id");

-- CreateIndex
CREATE INDEX "work_center_tenant_id_area_id_idx" ON "work_center"("tenant_id", "area_id");

-- CreateIndex
CREATE UNIQUE INDEX "work_center_plant_id_code_key" ON "work_center"("plant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "work_center_tenant_id_plant_id_id_key" ON "work_center"("tenant_id", "plant_id", "id");

-- CreateIndex
CREATE INDEX "equipment_tenant_id_work_center_id_idx" ON "equipment"("tenant_id", "work_center_id");

-- CreateIndex
CREATE UNIQUE INDEX "equipment_plant_id_code_key" ON "equipment"("plant_id", "code");

-- CreateIndex
CREATE INDEX "membership_user_id_idx" ON "membership"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "membership_tenant_id_user_id_key" ON "membership"("tenant_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "membership_tenant_id_id_key" ON "membership"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "membership_plant_tenant_id_plant_id_idx" ON "membership_plant"("tenant_id", "plant_id");

-- CreateIndex
CREATE INDEX "partnership_partner_tenant_id_idx" ON "partnership"("partner_tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "partnership_tenant_id_partner_tenant_id_kind_key" ON "partnership"("tenant_id", "partner_tenant_id", "kind");

-- CreateIndex
CREATE INDEX "audit_event_tenant_id_at_idx" ON "audit_event"("tenant_id", "at");

-- AddForeignKey
ALTER TABLE "plant" ADD CONSTRAINT "plant_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "area" ADD CONSTRAINT "area_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "area" ADD CONSTRAINT "area_tenant_id_plant_id_fkey" FOREIGN KEY ("tenant_id", "plant_id") REFERENCES "plant"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_center" ADD CONSTRAINT "work_center_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_center" ADD CONSTRAINT "work_center_tenant_id_plant_id_area_id_fkey" FOREIGN KEY ("tenant_id", "plant_id", "area_id") REFERENCES "area"("tenant_id", "plant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_tenant_id_plant_id_work_center_id_fkey" FOREIGN KEY ("tenant_id", "plant_id", "work_center_id") REFERENCES "work_center"("tenant_id", "plant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership_plant" ADD CONSTRAINT "membership_plant_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership_plant" ADD CONSTRAINT "membership_plant_tenant_id_membership_id_fkey" FOREIGN KEY ("tenant_id", "membership_id") REFERENCES "membership"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership_plant" ADD CONSTRAINT "membership_plant_tenant_id_plant_id_fkey" FOREIGN KEY ("tenant_id", "plant_id") REFERENCES "plant"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership" ADD CONSTRAINT "partnership_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership" ADD CONSTRAINT "partnership_partner_tenant_id_fkey" FOREIGN KEY ("partner_tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
