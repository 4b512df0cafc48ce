import { router } from '../../trpc.ts';

export const masterDataRouter = router({});
