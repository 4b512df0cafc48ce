import { router } from '../../trpc.ts';
import { getCertificateProcedure } from './get-certificate.ts';
import { issueCertificateProcedure } from './issue-certificate.ts';
import { listCertificateShipmentsProcedure } from './list-certificate-shipments.ts';
import { listCertificatesProcedure } from './list-certificates.ts';
import { revokeCertificateProcedure } from './revoke-certificate.ts';

export const certificateRouter = router({
  list: listCertificatesProcedure,
  get: getCertificateProcedure,
  shipments: listCertificateShipmentsProcedure,
  issue: issueCertificateProcedure,
  revoke: revokeCertificateProcedure,
});
