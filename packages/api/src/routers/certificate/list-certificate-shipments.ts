import { ZListCertificateShipmentsInput } from '@ingot/contracts';
import { listCertificateShipments } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** Shipments to issue from: only for those who issue (partners never list shipments here). */
export const listCertificateShipmentsProcedure = tenantProcedure
  .meta({ action: 'certificate.issue' })
  .input(ZListCertificateShipmentsInput)
  .query(({ ctx, input }) => listCertificateShipments(ctx.tx, ctx.scope, input));
