import { router } from '../../trpc.ts';

export const spcRouter = router({});
