import { ZRevokeCertificateInput } from '@ingot/contracts';
import { revokeCertificate } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const revokeCertificateProcedure = tenantProcedure
  .meta({ action: 'certificate.issue' })
  .input(ZRevokeCertificateInput)
  .mutation(({ ctx, input }) => revokeCertificate(ctx.tx, ctx.scope, input));
