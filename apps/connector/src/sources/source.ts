import type { TPointValue, TSourceStatus, TTelemetryPoint } from '@ingot/contracts';

export type TSourceState = TSourceStatus['state'];

/** What a source reports to the agent. */
export interface SourceSink {
  points(points: TTelemetryPoint[]): void;
  /** State changes; `security` marks errors of trust or policy (raised as a source-security alarm). */
  state(state: TSourceState, error: string | null, kind?: 'security'): void;
}

/** One device connection (OPC UA server or Modbus TCP device). */
export interface Source {
  readonly id: string;
  readonly kind: 'opcua' | 'modbus';
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): TSourceStatus;
  /** True when this source maps (equipment, tag). */
  has(equipment: string, tag: string): boolean;
  /** Writes one value; the agent checks the allow-list before calling. */
  write(equipment: string, tag: string, value: TPointValue): Promise<void>;
}

/** Base with the bookkeeping every source shares. */
export abstract class SourceBase {
  protected stateValue: TSourceState = 'disconnected';
  protected lastError: string | null = null;
  protected lastValueAt: number | null = null;

  constructor(protected readonly sink: SourceSink) {}

  protected setState(state: TSourceState, error: string | null = null, kind?: 'security'): void {
    const changed = state !== this.stateValue || error !== this.lastError;
    this.stateValue = state;
    if (error !== null || state === 'connected') this.lastError = error;
    if (changed) this.sink.state(state, error, kind);
  }
}

/** Bounded backoff with jitter, shared by the sources' reconnect loops. */
export function backoffMs(attempt: number, initialMs = 500, maxMs = 30_000): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
