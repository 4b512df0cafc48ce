/**
 * One poller per plant, shared by every open live view of that plant in this process. It asks the API
 * (`telemetry.live`, the same procedure the page's first load uses) once a second, as one of its subscribers, and
 * fans the snapshot out. Reading through the API keeps one rule set: the store is queried with the subscriber's
 * tenant, plant scope and telemetry.read are checked on every poll, and it works the same whether the store is the
 * embedded chDB or a ClickHouse server that ingest replicas elsewhere write to.
 *
 * A subscriber whose poll is refused (signed out, token expired, role or plant scope changed) is dropped with a
 * `denied` event; the poll is retried as the next subscriber. Every subscriber is re-checked on its own at least
 * every REAUTH_MS, so a revoked member does not keep watching through somebody else's session.
 */
import type { AppRouter } from '@ingot/api';
import { type inferRouterOutputs, TRPCError } from '@trpc/server';

type TPlantLiveSnapshot = inferRouterOutputs<AppRouter>['telemetry']['live'];

export const POLL_MS = 1000;
const REAUTH_MS = 30_000;

export type TLiveFetch = () => Promise<TPlantLiveSnapshot>;

export interface TLiveSubscriber {
  /** Polls as this subscriber (a fresh API context from its request headers each time). */
  fetch: TLiveFetch;
  send(event: 'snapshot' | 'denied' | 'unavailable', data: unknown): void;
  close(): void;
}

interface TEntry {
  sub: TLiveSubscriber;
  checkedAt: number;
}

/** Refusals that concern the subscriber (drop it); anything else is the platform's trouble (keep it). */
const isRefusal = (e: unknown) =>
  e instanceof TRPCError && ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'].includes(e.code);

class PlantPoller {
  private readonly subs = new Set<TEntry>();
  private timer: NodeJS.Timeout | null = null;
  private last: { digest: string; snapshot: TPlantLiveSnapshot } | null = null;

  constructor(
    readonly plantId: string,
    private readonly onIdle: () => void,
  ) {}

  get size() {
    return this.subs.size;
  }

  add(sub: TLiveSubscriber, first: TPlantLiveSnapshot): () => void {
    const entry = { sub, checkedAt: Date.now() };
    this.subs.add(entry);
    sub.send('snapshot', first);
    if (!this.timer) this.schedule();
    return () => this.remove(entry);
  }

  private remove(entry: TEntry) {
    if (!this.subs.delete(entry)) return;
    entry.sub.close();
    if (this.subs.size === 0) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.last = null;
      this.onIdle();
    }
  }

  private schedule() {
    this.timer = setTimeout(() => {
      this.tick()
        .catch(() => undefined)
        .finally(() => {
          if (this.subs.size > 0) this.schedule();
          else this.timer = null;
        });
    }, POLL_MS);
  }

  private async tick() {
    const now = Date.now();
    // Re-check the subscribers due for it, one by one (their own sessions).
    for (const entry of [...this.subs]) {
      if (now - entry.checkedAt < REAUTH_MS) continue;
      try {
        await entry.sub.fetch();
        entry.checkedAt = Date.now();
      } catch (e) {
        if (isRefusal(e)) this.deny(entry, e);
      }
    }
    let snapshot: TPlantLiveSnapshot | null = null;
    for (const entry of [...this.subs]) {
      try {
        snapshot = await entry.sub.fetch();
        entry.checkedAt = Date.now();
        break;
      } catch (e) {
        if (isRefusal(e)) {
          this.deny(entry, e);
          continue;
        }
        const message = e instanceof TRPCError ? e.message : 'live values are unavailable';
        for (const s of this.subs) s.sub.send('unavailable', { message });
        return;
      }
    }
    if (!snapshot) return;
    // Tiles change only when a value, state or time does; `at` alone is not news.
    const digest = JSON.stringify(snapshot.equipment);
    if (this.last?.digest === digest) {
      for (const s of this.subs) s.sub.send('snapshot', { ...this.last.snapshot, at: snapshot.at });
      return;
    }
    this.last = { digest, snapshot };
    for (const s of this.subs) s.sub.send('snapshot', snapshot);
  }

  private deny(entry: TEntry, e: unknown) {
    entry.sub.send('denied', { code: (e as TRPCError).code, message: (e as TRPCError).message });
    this.remove(entry);
  }
}

const KEY = Symbol.for('ingot.live.pollers');
type TGlobal = typeof globalThis & { [KEY]?: Map<string, PlantPoller> };

function pollers(): Map<string, PlantPoller> {
  const g = globalThis as TGlobal;
  g[KEY] ??= new Map();
  return g[KEY];
}

/**
 * Adds a subscriber (already authorised: `first` is its own answer) to the plant's poller, starting it if needed.
 * Plant ids are unique across tenants, so subscribers of one plant are all of the same tenant.
 */
export function subscribePlantLive(
  plantId: string,
  sub: TLiveSubscriber,
  first: TPlantLiveSnapshot,
): () => void {
  const map = pollers();
  let poller = map.get(plantId);
  if (!poller) {
    const created = new PlantPoller(plantId, () => {
      if (map.get(plantId) === created) map.delete(plantId);
    });
    map.set(plantId, created);
    poller = created;
  }
  return poller.add(sub, first);
}

/** Pollers running now and their subscribers (for tests and diagnostics). */
export function livePollerSizes(): Record<string, number> {
  return Object.fromEntries([...pollers()].map(([k, p]) => [k, p.size]));
}
