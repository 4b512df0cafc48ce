import { appRouter, createCallerFactory } from '@ingot/api';
import { ZPlantLiveInput } from '@ingot/contracts';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import superjson from 'superjson';
import { clientIp } from '../../../server/client-ip.ts';
import { createContextFromHeaders } from '../../../server/create-context.ts';
import { LIMITS, rateLimit, tooManyRequests } from '../../../server/rate-limit.ts';
import { subscribePlantLive } from './plant-live-hub.ts';

export const dynamic = 'force-dynamic';

const createCaller = createCallerFactory(appRouter);
const KEEPALIVE_MS = 15_000;

/**
 * The live plant view's Server-Sent Events: `GET /api/live?plantId=…`. The first `telemetry.live` call, made as the
 * requesting user exactly like the tRPC route (bearer header or session cookie, active-tenant cookie), decides:
 * signed in, telemetry.read, the plant in the member's tenant and plant scope — otherwise the HTTP status of that
 * refusal and no stream. Then `snapshot` events (superjson) from the plant's shared poller, `denied` when a later
 * check refuses (the browser reconnects with a fresh session), `unavailable` while the store does not answer.
 */
export async function GET(req: Request) {
  // As many (re)connections a minute as session refreshes: a view reconnects after each token refresh.
  const limited = rateLimit(`live:${clientIp(req.headers)}`, LIMITS.session, 60);
  if (!limited.ok) return tooManyRequests(limited.retryAfterSeconds);
  const parsed = ZPlantLiveInput.safeParse({ plantId: new URL(req.url).searchParams.get('plantId') });
  if (!parsed.success) return new Response('plantId: must be a plant id', { status: 400 });
  const input = parsed.data;
  const headers = new Headers(req.headers);
  const fetchAsRequester = async () =>
    (await createCaller(await createContextFromHeaders(headers))).telemetry.live(input);

  let first: Awaited<ReturnType<typeof fetchAsRequester>>;
  try {
    first = await fetchAsRequester();
  } catch (e) {
    if (e instanceof TRPCError) return new Response(e.message, { status: getHTTPStatusCodeFromError(e) });
    throw e;
  }

  const encoder = new TextEncoder();
  let unsubscribe: (() => void) | null = null;
  let keepalive: NodeJS.Timeout | null = null;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          closed = true;
        }
      };
      const close = () => {
        if (closed) return;
        closed = true;
        if (keepalive) clearInterval(keepalive);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      write('retry: 3000\n\n');
      unsubscribe = subscribePlantLive(
        input.plantId,
        {
          fetch: fetchAsRequester,
          send: (event, data) => write(`event: ${event}\ndata: ${superjson.stringify(data)}\n\n`),
          close,
        },
        first,
      );
      keepalive = setInterval(() => write(': keepalive\n\n'), KEEPALIVE_MS);
      req.signal.addEventListener('abort', () => {
        unsubscribe?.();
        close();
      });
    },
    cancel() {
      closed = true;
      if (keepalive) clearInterval(keepalive);
      unsubscribe?.();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: the response is not compressed (compression would hold events back).
      'cache-control': 'no-cache, no-store, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    },
  });
}
