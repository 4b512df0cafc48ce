import { readFileSync } from 'node:fs';
import type { TOpcuaSource, TOpcuaTag, TPointValue, TSourceStatus, TTelemetryPoint } from '@ingot/contracts';
import {
  AttributeIds,
  type ClientMonitoredItemGroup,
  type ClientSession,
  ClientSubscription,
  DataChangeFilter,
  DataChangeTrigger,
  type DataValue,
  DeadbandType,
  MessageSecurityMode,
  type OPCUACertificateManager,
  OPCUAClient,
  SecurityPolicy,
  TimestampsToReturn,
  type UserIdentityInfo,
  UserTokenType,
} from 'node-opcua';
import type { Logger } from '../logger.ts';
import { backoffMs, type Source, SourceBase, type SourceSink } from './source.ts';

export interface OpcuaSourceOptions {
  /** The agent's client PKI (own certificate, trusted/rejected server certificates). */
  certificateManager: OPCUACertificateManager;
  applicationName: string;
  log: Logger;
  /** The local policy: security mode None is refused unless this is true. */
  allowSecurityNone: boolean;
  /** Newest source timestamp the agent holds for "equipment/tag" (backfill starts after it). */
  lastTimestamp?: (key: string) => number | undefined;
}

/** While a backfill runs, live values of the tags being backfilled wait here. */
interface BackfillGate {
  from: Map<string, number>;
  buffer: Array<[TOpcuaTag, DataValue]>;
}

/** AccessLevel bit of HistoryRead. */
const ACCESS_HISTORY_READ = 0x04;
const HISTORY_PAGE = 5000;

/** Error texts node-opcua uses when the server's certificate is not trusted or the policy does not match. */
const SECURITY_ERROR =
  /certificate|untrusted|BadSecurity|security ?policy|no endpoint|endpoint.*not found|BadIdentity|BadUser/i;

function pemToDer(pem: string): Buffer {
  const body = pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s+/g, '');
  return Buffer.from(body, 'base64');
}

function toPointValue(v: unknown): TPointValue | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return v.slice(0, 256);
  if (v instanceof Date) return v.getTime();
  // Int64/UInt64 arrive as [high, low].
  if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')) {
    return (v[0] as number) * 2 ** 32 + (v[1] as number);
  }
  return String(v).slice(0, 256);
}

/**
 * One OPC UA server. Subscribes to monitored items (sampling interval, publishing interval, deadband) or
 * polls with Read for servers without subscriptions. The server's certificate must be in the agent's
 * trusted folder (unknown certificates are put in rejected/ and the connection is refused). Reconnects with
 * back-off and rebuilds session and subscription when the server restarts.
 */
export class OpcuaSource extends SourceBase implements Source {
  readonly id: string;
  readonly kind = 'opcua' as const;
  private client: OPCUAClient | null = null;
  private session: ClientSession | null = null;
  private subscription: ClientSubscription | null = null;
  private group: ClientMonitoredItemGroup | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = true;
  private attempt = 0;
  private generation = 0;
  private readonly byKey = new Map<string, TOpcuaTag>();
  private readonly lastPolled = new Map<string, TPointValue | null>();
  /** Tags whose node the server historizes (found at connect). */
  private historized: TOpcuaTag[] = [];
  private gate: BackfillGate | null = null;
  /**
   * After a backfill: per tag, the newest timestamp it emitted. Live values at or below it (published by
   * the server after the history was read) are dropped; the entry goes with the first newer live value.
   */
  private readonly floor = new Map<string, number>();
  readonly backfillCounters = { runs: 0, points: 0 };
  private readonly log: Logger;

  constructor(
    private readonly cfg: TOpcuaSource,
    private readonly opts: OpcuaSourceOptions,
    sink: SourceSink,
  ) {
    super(sink);
    this.id = cfg.id;
    this.log = opts.log.child({ source: cfg.id });
    for (const t of cfg.tags) this.byKey.set(`${t.equipment}/${t.tag}`, t);
  }

  has(equipment: string, tag: string): boolean {
    return this.byKey.has(`${equipment}/${tag}`);
  }

  status(): TSourceStatus {
    return {
      id: this.id,
      kind: 'opcua',
      state: this.stateValue,
      tags: this.cfg.tags.length,
      lastValueAt: this.lastValueAt,
      lastError: this.lastError,
    };
  }

  async start(): Promise<void> {
    this.stopped = false;
    void this.connectLoop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.generation += 1;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.teardown();
    this.setState('disconnected');
  }

  private identity(): UserIdentityInfo {
    const a = this.cfg.auth;
    if (a.type === 'username') {
      const password = a.passwordFile
        ? readFileSync(a.passwordFile, 'utf8').replace(/\r?\n$/, '')
        : (a.password ?? '');
      return { type: UserTokenType.UserName, userName: a.username, password };
    }
    if (a.type === 'certificate') {
      return {
        type: UserTokenType.Certificate,
        certificateData: pemToDer(readFileSync(a.certificateFile, 'utf8')),
        privateKey: readFileSync(a.privateKeyFile, 'utf8'),
      };
    }
    return { type: UserTokenType.Anonymous };
  }

  private async connectLoop(): Promise<void> {
    const gen = ++this.generation;
    while (!this.stopped && gen === this.generation) {
      this.setState('connecting', this.lastError);
      try {
        await this.connectOnce(gen);
        this.attempt = 0;
        return;
      } catch (e) {
        const message = (e as Error).message.split('\n')[0] ?? 'connection failed';
        const security = SECURITY_ERROR.test(message);
        this.log.warn('OPC UA connection failed', { error: message, security });
        await this.teardown();
        if (this.stopped || gen !== this.generation) return;
        this.setState('error', message, security ? 'security' : undefined);
        const delay = backoffMs(this.attempt++, 500, 30_000);
        await new Promise<void>((resolve) => {
          this.retryTimer = setTimeout(resolve, delay);
        });
      }
    }
  }

  private async connectOnce(gen: number): Promise<void> {
    if (
      (this.cfg.securityMode === 'None' || this.cfg.securityPolicy === 'None') &&
      !this.opts.allowSecurityNone
    ) {
      // Also checked when the configuration is loaded or pushed; this guard keeps any other path honest.
      this.stopped = true;
      this.setState(
        'error',
        'security mode None is refused by the local policy (security.allowSecurityNone)',
        'security',
      );
      throw new Error('security mode None is refused by the local policy');
    }
    const client = OPCUAClient.create({
      applicationName: this.opts.applicationName,
      applicationUri: `urn:ingot:connector:${this.opts.applicationName}`,
      clientCertificateManager: this.opts.certificateManager,
      securityMode: MessageSecurityMode[this.cfg.securityMode],
      securityPolicy: SecurityPolicy[this.cfg.securityPolicy],
      endpointMustExist: false,
      keepSessionAlive: true,
      requestedSessionTimeout: 60_000,
      // The first connection fails fast (our loop retries); once connected, node-opcua reconnects itself.
      connectionStrategy: { maxRetry: 0, initialDelay: 500, maxDelay: 10_000 },
    });
    this.client = client;
    await client.connect(this.cfg.endpointUrl);
    // Reconnection after a loss of connection: node-opcua retries forever from here.
    client.connectionStrategy.maxRetry = -1;
    client.on('connection_lost', () => {
      if (gen !== this.generation) return;
      this.log.warn('OPC UA connection lost: reconnecting');
      this.setState('connecting', 'connection lost');
      this.closeGate();
    });
    client.on('after_reconnection', () => {
      if (gen !== this.generation) return;
      this.log.info('OPC UA connection re-established');
      this.setState('connected');
      void this.backfill(gen);
    });
    const session = await client.createSession(this.identity());
    this.session = session;
    session.on('session_closed', () => this.restart(gen, 'session closed by the server'));
    if (this.cfg.mode === 'poll') {
      this.startPolling(gen);
    } else {
      this.historized =
        this.cfg.backfillMaxMs > 0 && this.opts.lastTimestamp ? await this.findHistorized(session) : [];
      this.closeGate();
      await this.subscribe(gen, session);
      void this.backfill(gen);
    }
    this.log.info('OPC UA source connected', { endpoint: this.cfg.endpointUrl, mode: this.cfg.mode });
    this.setState('connected');
  }

  /** Drops everything and connects from scratch (the server lost our session or subscription). */
  private restart(gen: number, reason: string): void {
    if (this.stopped || gen !== this.generation) return;
    this.log.warn('OPC UA source restarting', { reason });
    this.setState('connecting', reason);
    void this.teardown().then(() => {
      if (!this.stopped && gen === this.generation) void this.connectLoop();
    });
  }

  /** Tags whose AccessLevel includes HistoryRead. */
  private async findHistorized(session: ClientSession): Promise<TOpcuaTag[]> {
    try {
      const levels = await session.read(
        this.cfg.tags.map((t) => ({ nodeId: t.nodeId, attributeId: AttributeIds.AccessLevel })),
      );
      return this.cfg.tags.filter((_, i) => {
        const v = levels[i]?.value?.value;
        return typeof v === 'number' && (v & ACCESS_HISTORY_READ) !== 0;
      });
    } catch (e) {
      this.log.warn('cannot read access levels: no backfill', { error: (e as Error).message });
      return [];
    }
  }

  /**
   * From now until the backfill ends, live values of historized tags are held back, and the newest value the
   * agent holds of each is remembered as the point to backfill from.
   */
  private closeGate(): void {
    if (this.gate || this.historized.length === 0 || !this.opts.lastTimestamp) return;
    const from = new Map<string, number>();
    for (const t of this.historized) {
      const key = `${t.equipment}/${t.tag}`;
      const last = this.opts.lastTimestamp(key);
      if (last !== undefined) from.set(key, last);
    }
    if (from.size > 0) this.gate = { from, buffer: [] };
  }

  /**
   * Reads with HistoryRead what each gated tag produced after its last known value (at most backfillMaxMs
   * back), emits it, then releases the held live values that are newer. Source timestamps decide, so a
   * value is neither lost nor emitted twice across a crash, a reconnect or a server restart.
   */
  private async backfill(gen: number): Promise<void> {
    const gate = this.gate;
    if (!gate) return;
    const newest = new Map(gate.from);
    let total = 0;
    try {
      const floor = Date.now() - this.cfg.backfillMaxMs;
      for (const tag of this.historized) {
        const key = `${tag.equipment}/${tag.tag}`;
        const last = gate.from.get(key);
        if (last === undefined) continue;
        let start = Math.max(last + 1, floor);
        for (let page = 0; page < 1000; page++) {
          const session = this.session;
          if (this.stopped || gen !== this.generation || !session) return;
          const end = new Date(Date.now() + 1000);
          const res = await this.retry(() =>
            session.readHistoryValue({ nodeId: tag.nodeId }, new Date(start), end, {
              numValuesPerNode: HISTORY_PAGE,
              timestampsToReturn: TimestampsToReturn.Both,
            }),
          );
          if (!res.statusCode.isGood()) {
            this.log.warn('HistoryRead refused', { tag: key, status: res.statusCode.toString() });
            break;
          }
          const values = ((res.historyData as { dataValues?: DataValue[] } | null)?.dataValues ?? []).filter(
            (dv) => {
              const ts = (dv.sourceTimestamp ?? dv.serverTimestamp)?.getTime() ?? 0;
              return ts > (newest.get(key) ?? 0);
            },
          );
          for (const dv of values) {
            const ts = (dv.sourceTimestamp ?? dv.serverTimestamp)?.getTime() ?? 0;
            newest.set(key, Math.max(newest.get(key) ?? 0, ts));
          }
          this.emitValues(
            values.map((dv) => [tag, dv] as [TOpcuaTag, DataValue]),
            true,
          );
          total += values.length;
          if (values.length < HISTORY_PAGE) break;
          start = (newest.get(key) ?? start) + 1;
        }
      }
    } catch (e) {
      this.log.warn('backfill failed: continuing with live values', { error: (e as Error).message });
    } finally {
      if (this.gate === gate) {
        this.gate = null;
        for (const [key, ts] of newest) this.floor.set(key, ts);
        const held = gate.buffer.filter(([tag, dv]) => {
          const ts = (dv.sourceTimestamp ?? dv.serverTimestamp)?.getTime() ?? 0;
          return ts > (newest.get(`${tag.equipment}/${tag.tag}`) ?? 0);
        });
        this.emitValues(held);
      }
    }
    this.backfillCounters.runs += 1;
    this.backfillCounters.points += total;
    if (total > 0) this.log.info('backfilled values missed while disconnected', { points: total });
  }

  /** The session may still be repairing itself right after a reconnection: a few tries, half a second apart. */
  private async retry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (attempt >= 9 || this.stopped) throw e;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private async subscribe(gen: number, session: ClientSession): Promise<void> {
    const subscription = ClientSubscription.create(session, {
      requestedPublishingInterval: this.cfg.publishingIntervalMs,
      requestedLifetimeCount: 600,
      requestedMaxKeepAliveCount: 10,
      maxNotificationsPerPublish: 0,
      publishingEnabled: true,
      priority: 10,
    });
    this.subscription = subscription;
    subscription.on('terminated', () => this.restart(gen, 'subscription terminated'));
    await new Promise<void>((resolve, reject) => {
      subscription.once('started', () => resolve());
      subscription.once('internal_error', reject);
    });
    const items = this.cfg.tags.map((t) => ({ nodeId: t.nodeId, attributeId: AttributeIds.Value }));
    const params = this.cfg.tags.map((t) => {
      const deadband = t.deadband ?? this.cfg.deadband;
      return {
        samplingInterval: t.samplingIntervalMs ?? this.cfg.samplingIntervalMs,
        discardOldest: true,
        queueSize: this.cfg.queueSize,
        filter: deadband
          ? new DataChangeFilter({
              trigger: DataChangeTrigger.StatusValue,
              deadbandType: deadband.type === 'percent' ? DeadbandType.Percent : DeadbandType.Absolute,
              deadbandValue: deadband.value,
            })
          : null,
      };
    });
    // One group, one parameter set per distinct sampling/deadband: monitorItems takes one set, so group by it.
    const first = params[0];
    if (!first) return;
    const uniform = params.every((p) => JSON.stringify(p) === JSON.stringify(first));
    if (uniform) {
      this.group = await subscription.monitorItems(items, first, TimestampsToReturn.Both);
      this.group.on('changed', (_item, dataValue, index) => {
        const tag = this.cfg.tags[index];
        if (tag) this.emitValues([[tag, dataValue]]);
      });
      this.group.on('err', (message) => this.log.warn('monitored items error', { error: String(message) }));
    } else {
      await Promise.all(
        this.cfg.tags.map(async (tag, i) => {
          const item = await subscription.monitor(
            items[i] ?? { nodeId: tag.nodeId },
            params[i] ?? first,
            TimestampsToReturn.Both,
          );
          item.on('changed', (dataValue) => this.emitValues([[tag, dataValue]]));
          item.on('err', (message) =>
            this.log.warn('monitored item error', { tag: tag.tag, error: String(message) }),
          );
        }),
      );
    }
  }

  private startPolling(gen: number): void {
    const nodes = this.cfg.tags.map((t) => ({ nodeId: t.nodeId, attributeId: AttributeIds.Value }));
    const tick = async () => {
      if (this.stopped || gen !== this.generation || !this.session) return;
      try {
        const values = await this.session.read(nodes, 0);
        const changed: Array<[TOpcuaTag, DataValue]> = [];
        values.forEach((dv, i) => {
          const tag = this.cfg.tags[i];
          if (!tag) return;
          const key = `${tag.equipment}/${tag.tag}`;
          const v = toPointValue(dv.value?.value);
          const prev = this.lastPolled.get(key);
          const deadband = tag.deadband ?? this.cfg.deadband;
          // Client-side absolute deadband (percent needs the EU range and applies to subscriptions only).
          if (
            prev !== undefined &&
            deadband?.type === 'absolute' &&
            typeof v === 'number' &&
            typeof prev === 'number' &&
            Math.abs(v - prev) <= deadband.value
          ) {
            return;
          }
          this.lastPolled.set(key, v);
          changed.push([tag, dv]);
        });
        this.emitValues(changed);
        if (this.stateValue !== 'connected') this.setState('connected');
      } catch (e) {
        this.log.warn('OPC UA poll failed', { error: (e as Error).message });
        this.setState('connecting', (e as Error).message);
      }
      if (!this.stopped && gen === this.generation)
        this.pollTimer = setTimeout(tick, this.cfg.pollIntervalMs);
    };
    this.pollTimer = setTimeout(tick, 0);
  }

  private emitValues(values: Array<[TOpcuaTag, DataValue]>, bypassGate = false): void {
    if (values.length === 0) return;
    const gate = this.gate;
    if (gate && !bypassGate) {
      const pass: Array<[TOpcuaTag, DataValue]> = [];
      for (const v of values) {
        if (gate.from.has(`${v[0].equipment}/${v[0].tag}`)) gate.buffer.push(v);
        else pass.push(v);
      }
      if (pass.length === 0) return;
      values = pass;
    }
    if (this.floor.size > 0 && !bypassGate) {
      values = values.filter(([tag, dv]) => {
        const key = `${tag.equipment}/${tag.tag}`;
        const floor = this.floor.get(key);
        if (floor === undefined) return true;
        const ts = (dv.sourceTimestamp ?? dv.serverTimestamp)?.getTime() ?? 0;
        if (ts <= floor) return false;
        this.floor.delete(key);
        return true;
      });
      if (values.length === 0) return;
    }
    const now = Date.now();
    const points: TTelemetryPoint[] = values.map(([tag, dv]) => {
      const sc = dv.statusCode;
      const quality = sc.isGood() ? 'good' : sc.isBad() ? 'bad' : 'uncertain';
      const ts = (dv.sourceTimestamp ?? dv.serverTimestamp)?.getTime() ?? now;
      return {
        equipment: tag.equipment,
        tag: tag.tag,
        ts: ts > 946_684_800_000 ? ts : now,
        value: quality === 'bad' ? null : toPointValue(dv.value?.value),
        quality,
      };
    });
    this.lastValueAt = now;
    this.sink.points(points);
  }

  async write(equipment: string, tag: string, value: TPointValue): Promise<void> {
    const t = this.byKey.get(`${equipment}/${tag}`);
    if (!t) throw new Error(`${equipment}/${tag} is not mapped by source ${this.id}`);
    const session = this.session;
    if (!session || this.stateValue !== 'connected') throw new Error(`source ${this.id} is not connected`);
    const current = await session.read({ nodeId: t.nodeId, attributeId: AttributeIds.Value });
    const status = await session.write({
      nodeId: t.nodeId,
      attributeId: AttributeIds.Value,
      value: { value: { dataType: current.value.dataType, value } },
    });
    if (!status.isGood()) throw new Error(`server refused the write: ${status.toString()}`);
  }

  private async teardown(): Promise<void> {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    const client = this.client;
    const session = this.session;
    const subscription = this.subscription;
    this.client = null;
    this.session = null;
    this.subscription = null;
    this.group = null;
    const quietly = async (p: Promise<unknown> | undefined) => {
      try {
        await Promise.race([p, new Promise((r) => setTimeout(r, 2000))]);
      } catch {
        /* already gone */
      }
    };
    if (subscription) subscription.removeAllListeners('terminated');
    if (session) {
      session.removeAllListeners('session_closed');
      // close(true) deletes the subscription on the server; terminating it separately races the close.
      await quietly(session.close(true));
    }
    if (client) {
      client.removeAllListeners();
      await quietly(client.disconnect());
    }
  }
}
