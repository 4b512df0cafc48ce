import { ZGetCertificateInput } from '@ingot/contracts';
import { getCertificate } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getCertificateProcedure = tenantProcedure
  .meta({ action: 'certificate.read' })
  .input(ZGetCertificateInput)
  .query(({ ctx, input }) => getCertificate(ctx.tx, ctx.scope, input));
