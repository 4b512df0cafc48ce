import { router } from '../../trpc.ts';
import { cancelInspectionProcedure } from './cancel-inspection.ts';
import { confirmSamplingProcedure } from './confirm-sampling.ts';
import { decideInspectionProcedure } from './decide-inspection.ts';
import { enterResultsProcedure } from './enter-results.ts';
import { getInspectionRequestProcedure } from './get-inspection-request.ts';
import { importResultsCsvProcedure } from './import-results-csv.ts';
import { listInspectionRequestsProcedure } from './list-inspection-requests.ts';
import { receiveSampleProcedure } from './receive-sample.ts';
import { requestInspectionProcedure } from './request-inspection.ts';

export const labRouter = router({
  list: listInspectionRequestsProcedure,
  get: getInspectionRequestProcedure,
  request: requestInspectionProcedure,
  confirmSampling: confirmSamplingProcedure,
  receive: receiveSampleProcedure,
  enterResults: enterResultsProcedure,
  importResults: importResultsCsvProcedure,
  approve: decideInspectionProcedure,
  cancel: cancelInspectionProcedure,
});
