import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { livePollerSizes, POLL_MS, subscribePlantLive, type TLiveSubscriber } from './plant-live-hub.ts';

type TSnapshot = Parameters<typeof subscribePlantLive>[2];

const snapshot = (value: number): TSnapshot =>
  ({
    plant: { id: 'p', code: 'RP', name: 'RP', timezone: 'Asia/Shanghai' },
    at: new Date(),
    staleAfterMs: 30_000,
    equipment: [{ code: 'CM-1', values: [{ tag: 'exit_thickness', value }] }],
  }) as unknown as TSnapshot;

function subscriber(fetch: () => Promise<TSnapshot>) {
  const events: { event: string; data: unknown }[] = [];
  let closed = false;
  const sub: TLiveSubscriber = {
    fetch: vi.fn(fetch),
    send: (event, data) => events.push({ event, data }),
    close: () => {
      closed = true;
    },
  };
  return { sub, events, isClosed: () => closed };
}

describe('plant live hub', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('polls once per tick for all subscribers of a plant and fans the snapshot out', async () => {
    let value = 1;
    const a = subscriber(async () => snapshot(value));
    const b = subscriber(async () => snapshot(value));
    const offA = subscribePlantLive('plant-1', a.sub, snapshot(0));
    const offB = subscribePlantLive('plant-1', b.sub, snapshot(0));
    expect(livePollerSizes()['plant-1']).toBe(2);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    value = 2;
    await vi.advanceTimersByTimeAsync(POLL_MS);
    // Two ticks, one fetch each, as the first subscriber.
    expect(a.sub.fetch).toHaveBeenCalledTimes(2);
    expect(b.sub.fetch).toHaveBeenCalledTimes(0);
    const values = (events: { data: unknown }[]) =>
      events.map((e) => (e.data as TSnapshot).equipment[0]?.values[0]?.value);
    expect(values(a.events)).toEqual([0, 1, 2]);
    expect(values(b.events)).toEqual([0, 1, 2]);
    offA();
    offB();
    expect(livePollerSizes()['plant-1']).toBeUndefined();
    await vi.advanceTimersByTimeAsync(5 * POLL_MS);
    expect(a.sub.fetch).toHaveBeenCalledTimes(2);
  });

  it('drops a subscriber whose poll is refused and keeps serving the others', async () => {
    const refused = subscriber(async () => {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in first' });
    });
    const ok = subscriber(async () => snapshot(7));
    subscribePlantLive('plant-2', refused.sub, snapshot(0));
    const off = subscribePlantLive('plant-2', ok.sub, snapshot(0));
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(refused.events.map((e) => e.event)).toEqual(['snapshot', 'denied']);
    expect(refused.isClosed()).toBe(true);
    expect(ok.events.map((e) => e.event)).toEqual(['snapshot', 'snapshot']);
    expect(livePollerSizes()['plant-2']).toBe(1);
    off();
  });

  it('tells subscribers when the store does not answer, without dropping them', async () => {
    const s = subscriber(async () => {
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'telemetry is not running' });
    });
    const off = subscribePlantLive('plant-3', s.sub, snapshot(0));
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(s.events.map((e) => e.event)).toEqual(['snapshot', 'unavailable']);
    expect(s.isClosed()).toBe(false);
    off();
    expect(s.isClosed()).toBe(true);
  });

  it('re-checks every subscriber on its own session every 30 s', async () => {
    const a = subscriber(async () => snapshot(1));
    let allowed = true;
    const b = subscriber(async () => {
      if (!allowed) throw new TRPCError({ code: 'NOT_FOUND', message: 'plant not found' });
      return snapshot(1);
    });
    const offA = subscribePlantLive('plant-4', a.sub, snapshot(0));
    subscribePlantLive('plant-4', b.sub, snapshot(0));
    allowed = false;
    await vi.advanceTimersByTimeAsync(31_000);
    expect(b.isClosed()).toBe(true);
    expect(b.events.at(-1)?.event).toBe('denied');
    expect(a.isClosed()).toBe(false);
    offA();
  });
});
