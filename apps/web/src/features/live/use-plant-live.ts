'use client';

import { useEffect, useState } from 'react';
import superjson from 'superjson';
import { freshAccessToken } from '../../auth/auth-provider.tsx';
import type { TRouterOutputs } from '../../trpc/types.ts';

export type TPlantLive = TRouterOutputs['telemetry']['live'];
export type TLiveTile = TPlantLive['equipment'][number];

export type TLiveStatus =
  | { kind: 'connecting' }
  | { kind: 'live' }
  /** The stream is down; the browser retries. */
  | { kind: 'reconnecting' }
  /** The store does not answer (telemetry stopped, ClickHouse down); the poller keeps trying. */
  | { kind: 'unavailable'; message: string }
  /** Refused (no right, plant outside the member's scope, telemetry off): no retry. */
  | { kind: 'refused'; status: number; message: string };

/** No event for this long: the connection is treated as lost (the server sends one a second). */
const SILENCE_MS = 5000;

/**
 * The plant's live snapshot over Server-Sent Events (`/api/live`). The first answer is fetched once with `fetch`
 * so a refusal shows its reason; the stream then pushes snapshots. After a `denied` event for an expired session
 * the session cookie is refreshed and the stream reopened.
 */
export function usePlantLive(plantId: string | null): { snapshot: TPlantLive | null; status: TLiveStatus } {
  const [snapshot, setSnapshot] = useState<TPlantLive | null>(null);
  const [status, setStatus] = useState<TLiveStatus>({ kind: 'connecting' });

  useEffect(() => {
    setSnapshot(null);
    if (!plantId) return;
    let stopped = false;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let lastEvent = Date.now();
    const url = `/api/live?plantId=${encodeURIComponent(plantId)}`;

    const open = async () => {
      if (stopped) return;
      setStatus((s) => (s.kind === 'live' ? { kind: 'reconnecting' } : s));
      // keycloak-js refreshes the token and posts it to the session cookie the stream authenticates with.
      await freshAccessToken().catch(() => null);
      if (stopped) return;
      source = new EventSource(url);
      source.addEventListener('snapshot', (e) => {
        lastEvent = Date.now();
        setSnapshot(superjson.parse<TPlantLive>((e as MessageEvent<string>).data));
        setStatus({ kind: 'live' });
      });
      source.addEventListener('unavailable', (e) => {
        lastEvent = Date.now();
        const { message } = superjson.parse<{ message: string }>((e as MessageEvent<string>).data);
        setStatus({ kind: 'unavailable', message });
      });
      source.addEventListener('denied', (e) => {
        const d = superjson.parse<{ code: string; message: string }>((e as MessageEvent<string>).data);
        source?.close();
        if (d.code === 'UNAUTHORIZED') retry = setTimeout(() => void open(), 1000);
        else setStatus({ kind: 'refused', status: 403, message: d.message });
      });
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) {
          setStatus({ kind: 'reconnecting' });
          return;
        }
        // Closed for good: an HTTP error. Ask once with fetch to learn why.
        void fetch(url, { headers: { accept: 'text/event-stream' } })
          .then(async (res) => {
            if (stopped) return;
            if (res.ok) {
              await res.body?.cancel();
              retry = setTimeout(() => void open(), 2000);
              return;
            }
            const message = await res.text();
            if (res.status === 401) retry = setTimeout(() => void open(), 2000);
            else setStatus({ kind: 'refused', status: res.status, message });
          })
          .catch(() => {
            if (!stopped) retry = setTimeout(() => void open(), 5000);
          });
      };
    };
    void open();
    const watchdog = setInterval(() => {
      if (Date.now() - lastEvent > SILENCE_MS)
        setStatus((s) => (s.kind === 'live' ? { kind: 'reconnecting' } : s));
    }, 1000);
    return () => {
      stopped = true;
      source?.close();
      if (retry) clearTimeout(retry);
      clearInterval(watchdog);
    };
  }, [plantId]);

  return { snapshot, status };
}
