import { router } from '../../trpc.ts';

export const labRouter = router({});
