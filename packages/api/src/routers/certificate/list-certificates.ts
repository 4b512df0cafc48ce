import { ZListCertificatesInput } from '@ingot/contracts';
import { listCertificates } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listCertificatesProcedure = tenantProcedure
  .meta({ action: 'certificate.read' })
  .input(ZListCertificatesInput)
  .query(({ ctx, input }) => listCertificates(ctx.tx, ctx.scope, input));
