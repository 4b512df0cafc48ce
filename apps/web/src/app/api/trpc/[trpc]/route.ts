import { appRouter } from '@ingot/api';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContextFromHeaders } from '../../../../server/create-context.ts';

export const dynamic = 'force-dynamic';

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createContextFromHeaders(req.headers),
    onError({ error, path, ctx }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        console.error(
          `[trpc] ${path ?? '?'} failed (request ${ctx?.requestId ?? '?'}):`,
          error.cause ?? error,
        );
      }
    },
  });
}

export { handler as GET, handler as POST };
