import { router } from '../../trpc.ts';

export const planRouter = router({});
