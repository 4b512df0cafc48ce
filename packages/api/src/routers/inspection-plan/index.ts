import { router } from '../../trpc.ts';

export const inspectionPlanRouter = router({});
