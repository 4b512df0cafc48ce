-- Operator reports name the lot taken into an operation (input) apart from the lot it produced (output), both
-- bound to the tenant's lots by composite keys.

-- AlterTable
ALTER TABLE "operation_report" ADD COLUMN     "input_lot_id" UUID;

-- AddForeignKey
ALTER TABLE "operation_report" ADD CONSTRAINT "operation_report_tenant_id_input_lot_id_fkey" FOREIGN KEY ("tenant_id", "input_lot_id") REFERENCES "material_lot"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operation_report" ADD CONSTRAINT "operation_report_tenant_id_output_lot_id_fkey" FOREIGN KEY ("tenant_id", "output_lot_id") REFERENCES "material_lot"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;


