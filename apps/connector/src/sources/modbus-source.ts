import type {
  TModbusSource,
  TModbusTag,
  TPointValue,
  TSourceStatus,
  TTelemetryPoint,
} from '@ingot/contracts';
import ModbusRTU from 'modbus-serial';
import type { Logger } from '../logger.ts';
import { decodeRegisters, encodeRegisters, planReads, REGISTERS, type ReadRange } from './modbus-codec.ts';
import { backoffMs, type Source, SourceBase, type SourceSink } from './source.ts';

/**
 * One Modbus TCP device (energy meter, older PLC): polls holding/input registers in as few reads as
 * possible and maps them to tags with type, byte/word order and scaling. A range that fails with a Modbus
 * exception gives its tags quality "bad"; a lost connection is re-opened with back-off.
 */
export class ModbusSource extends SourceBase implements Source {
  readonly id: string;
  readonly kind = 'modbus' as const;
  private client: ModbusRTU | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private attempt = 0;
  private readonly ranges: ReadRange[];
  private readonly byKey = new Map<string, TModbusTag>();
  private readonly last = new Map<string, TPointValue | null>();
  private readonly log: Logger;
  /** Serialises reads and writes on the one TCP connection. */
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly cfg: TModbusSource,
    log: Logger,
    sink: SourceSink,
  ) {
    super(sink);
    this.id = cfg.id;
    this.log = log.child({ source: cfg.id });
    this.ranges = planReads(cfg.tags);
    for (const t of cfg.tags) this.byKey.set(`${t.equipment}/${t.tag}`, t);
  }

  has(equipment: string, tag: string): boolean {
    return this.byKey.has(`${equipment}/${tag}`);
  }

  status(): TSourceStatus {
    return {
      id: this.id,
      kind: 'modbus',
      state: this.stateValue,
      tags: this.cfg.tags.length,
      lastValueAt: this.lastValueAt,
      lastError: this.lastError,
    };
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.busy.catch(() => {});
    this.closeClient();
    this.setState('disconnected');
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.busy = this.cycle().finally(() => {});
    }, ms);
  }

  private closeClient(): void {
    const c = this.client;
    this.client = null;
    if (c?.isOpen) c.close(() => {});
  }

  private async ensureClient(): Promise<ModbusRTU> {
    if (this.client?.isOpen) return this.client;
    this.closeClient();
    this.setState('connecting', this.lastError);
    const c = new ModbusRTU();
    await c.connectTCP(this.cfg.host, { port: this.cfg.port });
    c.setID(this.cfg.unitId);
    c.setTimeout(this.cfg.timeoutMs);
    this.client = c;
    this.attempt = 0;
    this.log.info('Modbus device connected', { host: this.cfg.host, port: this.cfg.port });
    this.setState('connected');
    return c;
  }

  private async cycle(): Promise<void> {
    const started = Date.now();
    try {
      const client = await this.ensureClient();
      const points: TTelemetryPoint[] = [];
      for (const range of this.ranges) {
        const ts = Date.now();
        try {
          const res =
            range.table === 'holding'
              ? await client.readHoldingRegisters(range.start, range.count)
              : await client.readInputRegisters(range.start, range.count);
          for (const t of range.tags) {
            const off = (t.address - range.start) * 2;
            const bytes = res.buffer.subarray(off, off + REGISTERS[t.type] * 2);
            const value = decodeRegisters(
              bytes,
              t.type,
              t.byteOrder ?? this.cfg.byteOrder,
              t.wordOrder ?? this.cfg.wordOrder,
              t.scale,
              t.offset,
            );
            if (this.withinDeadband(t, value)) continue;
            points.push({
              equipment: t.equipment,
              tag: t.tag,
              ts,
              value: Number.isFinite(value) ? value : null,
              quality: Number.isFinite(value) ? 'good' : 'bad',
            });
          }
        } catch (e) {
          const err = e as Error & { modbusCode?: number; errno?: string };
          if (err.modbusCode === undefined) throw e; // connection-level: reconnect
          this.log.warn('Modbus exception', { table: range.table, start: range.start, code: err.modbusCode });
          for (const t of range.tags) {
            this.last.delete(`${t.equipment}/${t.tag}`);
            points.push({ equipment: t.equipment, tag: t.tag, ts, value: null, quality: 'bad' });
          }
        }
      }
      if (points.length > 0) {
        this.lastValueAt = Date.now();
        this.sink.points(points);
      }
      this.schedule(Math.max(0, this.cfg.pollIntervalMs - (Date.now() - started)));
    } catch (e) {
      const message = (e as Error).message;
      this.log.warn('Modbus connection failed', { error: message });
      this.closeClient();
      this.setState('error', message);
      this.schedule(backoffMs(this.attempt++, 500, 30_000));
    }
  }

  private withinDeadband(t: TModbusTag, value: number): boolean {
    const key = `${t.equipment}/${t.tag}`;
    const prev = this.last.get(key);
    if (
      t.deadband?.type === 'absolute' &&
      typeof prev === 'number' &&
      Math.abs(value - prev) <= t.deadband.value
    ) {
      return true;
    }
    this.last.set(key, value);
    return false;
  }

  async write(equipment: string, tag: string, value: TPointValue): Promise<void> {
    const t = this.byKey.get(`${equipment}/${tag}`);
    if (!t) throw new Error(`${equipment}/${tag} is not mapped by source ${this.id}`);
    if (t.table !== 'holding') throw new Error(`${equipment}/${tag} is an input register: read-only`);
    if (typeof value !== 'number') throw new Error('a Modbus register takes a number');
    const words = encodeRegisters(
      value,
      t.type,
      t.byteOrder ?? this.cfg.byteOrder,
      t.wordOrder ?? this.cfg.wordOrder,
      t.scale,
      t.offset,
    );
    const run = this.busy.then(async () => {
      const client = await this.ensureClient();
      await client.writeRegisters(t.address, words);
    });
    this.busy = run.catch(() => {});
    await run;
  }
}
