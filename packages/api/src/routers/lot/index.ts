import { router } from '../../trpc.ts';

export const lotRouter = router({});
