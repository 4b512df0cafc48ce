import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '../root.ts';
import { createRequestContext, type TRequestContextDeps } from './create-request-context.ts';

/**
 * The API over HTTP (the portal mounts it at /api/trpc): tRPC's fetch adapter with the request context. One
 * function, so tests exercise exactly what the portal serves.
 */
export function handleApiRequest(
  req: Request,
  deps: TRequestContextDeps & { endpoint?: string; onInternalError?: (e: unknown, path: string) => void },
): Promise<Response> {
  return fetchRequestHandler({
    endpoint: deps.endpoint ?? '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createRequestContext(req.headers, deps),
    onError({ error, path, ctx }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        (
          deps.onInternalError ??
          ((e, p) => console.error(`[trpc] ${p} failed (request ${ctx?.requestId ?? '?'}):`, e))
        )(error.cause ?? error, path ?? '?');
      }
    },
  });
}
