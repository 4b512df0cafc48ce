import { ZIssueCertificateInput } from '@ingot/contracts';
import { issueCertificate } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const issueCertificateProcedure = tenantProcedure
  .meta({ action: 'certificate.issue' })
  .input(ZIssueCertificateInput)
  .mutation(({ ctx, input }) => issueCertificate(ctx.tx, ctx.scope, input));
