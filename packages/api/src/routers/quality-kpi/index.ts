import { router } from '../../trpc.ts';

export const qualityKpiRouter = router({});
