import type { LatestState, LatestValue } from '@ingot/telemetry';

/**
 * Normalised operating states of a tile. Sources publish their own words (`running`, `RUN`, 1...): the state
 * events of the store win; otherwise the `state` tag, as text or as the simulator's enumeration
 * (0 idle, 1 running, 2 fault — see apps/connector/src/simulator/model-types.ts).
 */
export const LIVE_STATES = ['run', 'idle', 'fault', 'setup', 'maintenance', 'unknown'] as const;
export type TLiveState = (typeof LIVE_STATES)[number];

const WORDS: Record<string, TLiveState> = {
  run: 'run',
  running: 'run',
  production: 'run',
  idle: 'idle',
  stopped: 'idle',
  stop: 'idle',
  fault: 'fault',
  error: 'fault',
  alarm: 'fault',
  setup: 'setup',
  changeover: 'setup',
  maintenance: 'maintenance',
};
const ENUM: readonly TLiveState[] = ['idle', 'run', 'fault'];

export function normaliseState(word: string): TLiveState {
  return WORDS[word.trim().toLowerCase()] ?? 'unknown';
}

/** The equipment's current state and since when, from its newest state event or its `state` tag. */
export function currentState(
  event: LatestState | undefined,
  stateTag: LatestValue | undefined,
): { state: TLiveState; since: Date | null; raw: string | null } {
  const fromTag =
    stateTag && stateTag.quality !== 'bad'
      ? stateTag.text !== null
        ? stateTag.text
        : stateTag.value !== null
          ? String(stateTag.value)
          : null
      : null;
  if (event && (!stateTag || event.ts.getTime() >= stateTag.ts.getTime() || fromTag === null)) {
    return { state: normaliseState(event.state), since: event.ts, raw: event.state };
  }
  if (fromTag === null || !stateTag) return { state: 'unknown', since: null, raw: null };
  const n = Number(fromTag);
  const state =
    Number.isInteger(n) && fromTag.trim() !== '' ? (ENUM[n] ?? 'unknown') : normaliseState(fromTag);
  return { state, since: stateTag.ts, raw: fromTag };
}
