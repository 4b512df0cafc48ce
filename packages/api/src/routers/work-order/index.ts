import { router } from '../../trpc.ts';

export const workOrderRouter = router({});
