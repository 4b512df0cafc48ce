import { router } from '../../trpc.ts';

export const certificateRouter = router({});
