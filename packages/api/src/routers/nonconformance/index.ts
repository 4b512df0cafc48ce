import { router } from '../../trpc.ts';

export const nonconformanceRouter = router({});
