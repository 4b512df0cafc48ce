-- Master data asked for by the order work: tempers and specs can be deactivated, profile/rod/tube specs carry
-- their mass per metre (order lines in pieces -> tonnes), routing rates and yields name their source.

-- AlterTable
ALTER TABLE "product_spec" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "mass_per_metre_kg" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "routing_step" ADD COLUMN     "source" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "routing_step_equipment" ADD COLUMN     "source" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "temper" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;


