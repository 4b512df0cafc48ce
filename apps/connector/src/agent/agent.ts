import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  decodeMessage,
  MAX_MESSAGE_BYTES,
  replyTopic,
  statusTopic,
  type TConnectorAlarmCode,
  type TConnectorHeartbeat,
  type TSourcesConfig,
  type TTelemetryAlarm,
  type TTelemetryCommand,
  type TTelemetryPoint,
  type TTelemetryReply,
  type TTopicAddress,
  ZSourcesConfig,
  ZTelemetryCommand,
} from '@ingot/contracts';
import type { OPCUACertificateManager } from 'node-opcua';
import { securityPolicyIssues, type TConnectorConfig } from '../config/connector-config.ts';
import { loadConfig, resolveSourcePaths } from '../config/load-config.ts';
import type { Logger } from '../logger.ts';
import { Publisher } from '../publish/publisher.ts';
import { ModbusSource } from '../sources/modbus-source.ts';
import { OpcuaSource } from '../sources/opcua-source.ts';
import { openClientPki } from '../sources/pki.ts';
import type { Source, TSourceState } from '../sources/source.ts';
import { Spool } from '../spool/spool.ts';
import { PUSHED_CONFIG_FILE, SPOOL_FILE, STATUS_FILE, type TStatusFile } from './files.ts';

export { PUSHED_CONFIG_FILE, SPOOL_FILE, STATUS_FILE, type TStatusFile } from './files.ts';

export interface AgentOptions {
  config: TConnectorConfig;
  /** The YAML file, for `reload-config` without a pushed configuration. */
  configFile?: string;
  version: string;
  log: Logger;
}

/** Bytes of the batch envelope around the points ({"v":1,"connectorId":...,"points":[]}). */
const ENVELOPE_BYTES = 200;
const OVERFLOW_REALARM_MS = 60_000;

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
}

/**
 * The connector agent: sources -> batches -> spool -> publisher, plus heartbeat, connector alarms and the
 * command topic (config reload, allow-listed writes).
 */
export class Agent {
  private config: TConnectorConfig;
  readonly address: TTopicAddress;
  readonly spool: Spool;
  readonly publisher: Publisher;
  private sources: Source[] = [];
  private pki: OPCUACertificateManager | null = null;
  private configVersion: string;
  private readonly startedAt = Date.now();
  private pending: TTelemetryPoint[] = [];
  private pendingBytes = ENVELOPE_BYTES;
  private flushTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private readonly counters = { pointsRead: 0 };
  /** Newest source timestamp per "equipment/tag" read so far (from the spool at start). */
  private readonly lastTs: Map<string, number>;
  private lastRate = { at: Date.now(), pointsRead: 0, ackedPoints: 0, pointsPerS: 0, publishedPerS: 0 };
  private overflow: { raisedAt: number; droppedPoints: number; droppedBatches: number } | null = null;
  private readonly sourceAlarms = new Map<string, TConnectorAlarmCode>();
  private readonly log: Logger;
  private stopped = false;

  constructor(private readonly opts: AgentOptions) {
    this.config = opts.config;
    this.log = opts.log;
    const c = opts.config.connector;
    this.address = { tenant: c.tenant, plant: c.plant, connector: c.id };
    mkdirSync(this.config.dataDir, { recursive: true, mode: 0o750 });
    this.spool = new Spool({
      file: path.join(this.config.dataDir, SPOOL_FILE),
      connectorId: c.id,
      maxBytes: this.config.spool.maxBytes,
      synchronous: this.config.spool.synchronous,
    });
    this.lastTs = this.spool.lastTimestamps();
    this.publisher = new Publisher(
      this.config.mqtt,
      this.address,
      this.spool,
      this.log.child({ part: 'mqtt' }),
    );
    this.publisher.on('command', (payload) => {
      void this.handleCommand(payload);
    });
    this.publisher.on('connected', () => this.heartbeat());
    this.configVersion = `local:${hashOf({ b: this.config.batching, s: this.config.sources })}`;
  }

  get currentConfig(): TConnectorConfig {
    return this.config;
  }

  async start(): Promise<void> {
    this.pki = await openClientPki(this.config.dataDir);
    const pushed = this.readPushedConfig();
    if (pushed) {
      this.config = { ...this.config, batching: pushed.config.batching, sources: pushed.config.sources };
      this.configVersion = pushed.configVersion;
      this.log.info('using the configuration pushed from the portal', {
        configVersion: pushed.configVersion,
      });
    }
    this.publisher.start();
    await this.startSources();
    this.heartbeatTimer = setInterval(() => this.heartbeat(), this.config.status.intervalMs);
    this.writeStatusFile();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    await Promise.all(this.sources.map((s) => s.stop()));
    this.flush();
    await this.publisher.stop();
    this.writeStatusFile();
    this.spool.close();
    await this.pki?.dispose();
  }

  private async startSources(): Promise<void> {
    const pki = this.pki;
    if (!pki) throw new Error('PKI not open');
    this.sources = this.config.sources.map((cfg) => {
      const sink = {
        points: (p: TTelemetryPoint[]) => this.ingest(p),
        state: (state: TSourceState, error: string | null, kind?: 'security') =>
          this.onSourceState(cfg.id, state, error, kind),
      };
      return cfg.kind === 'opcua'
        ? new OpcuaSource(
            cfg,
            {
              certificateManager: pki,
              applicationName: `ingot-connector-${this.address.connector}`,
              log: this.log,
              allowSecurityNone: this.config.security.allowSecurityNone,
              lastTimestamp: (key) => this.lastTs.get(key),
            },
            sink,
          )
        : new ModbusSource(cfg, this.log, sink);
    });
    await Promise.all(this.sources.map((s) => s.start()));
  }

  private async replaceSources(next: TSourcesConfig): Promise<void> {
    await Promise.all(this.sources.map((s) => s.stop()));
    this.flush();
    this.config = { ...this.config, batching: next.batching, sources: next.sources };
    await this.startSources();
  }

  // ---- batching -------------------------------------------------------------------------------------

  /** Points from a source (public for tests and embedders). */
  ingest(points: TTelemetryPoint[]): void {
    if (this.stopped) return;
    const { maxPoints, maxDelayMs } = this.config.batching;
    for (const p of points) {
      this.counters.pointsRead += 1;
      const key = `${p.equipment}/${p.tag}`;
      const last = this.lastTs.get(key);
      if (last === undefined || p.ts > last) this.lastTs.set(key, p.ts);
      const size =
        typeof p.value === 'string' ? Buffer.byteLength(JSON.stringify(p)) + 1 : JSON.stringify(p).length + 1;
      if (this.pending.length >= maxPoints || this.pendingBytes + size > MAX_MESSAGE_BYTES) this.flush();
      this.pending.push(p);
      this.pendingBytes += size;
    }
    if (this.pending.length >= maxPoints) this.flush();
    if (this.pending.length > 0 && !this.flushTimer)
      this.flushTimer = setTimeout(() => this.flush(), maxDelayMs);
  }

  /** Closes the current batch into the spool. */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pending.length === 0) return;
    const points = this.pending;
    this.pending = [];
    this.pendingBytes = ENVELOPE_BYTES;
    try {
      const r = this.spool.append(points, Date.now(), this.publisher.inflightSeqs());
      if (r.dropped)
        this.onDropped(
          r.dropped.droppedPoints,
          r.dropped.droppedBatches,
          r.dropped.firstSeq,
          r.dropped.lastSeq,
        );
    } catch (e) {
      this.log.error('cannot write to the spool: points lost', {
        points: points.length,
        error: (e as Error).message,
      });
      return;
    }
    this.publisher.kick();
  }

  // ---- alarms ---------------------------------------------------------------------------------------

  private raise(
    code: TConnectorAlarmCode,
    severity: TTelemetryAlarm['severity'],
    state: TTelemetryAlarm['state'],
    subject: string,
    message: string,
    details: TTelemetryAlarm['details'] = {},
  ): void {
    const alarm: TTelemetryAlarm = {
      v: 1,
      connectorId: this.address.connector,
      ts: Date.now(),
      code,
      severity,
      state,
      subject,
      message: message.slice(0, 1000),
      details,
    };
    this.log.warn('connector alarm', { code, state, subject, message });
    // Spooled: the spool fills precisely when the broker is out of reach.
    this.spool.pushMessage('alarm', Buffer.from(JSON.stringify(alarm)));
    this.publisher.kick();
  }

  private onDropped(points: number, batches: number, firstSeq: number, lastSeq: number): void {
    const now = Date.now();
    const o = this.overflow ?? { raisedAt: 0, droppedPoints: 0, droppedBatches: 0 };
    o.droppedPoints += points;
    o.droppedBatches += batches;
    this.overflow = o;
    if (now - o.raisedAt < OVERFLOW_REALARM_MS) return;
    o.raisedAt = now;
    const s = this.spool.status();
    this.raise(
      'spool-overflow',
      'critical',
      'raised',
      'spool',
      `spool full (${s.bytes} of ${s.maxBytes} bytes): oldest batches dropped, ${o.droppedPoints} points in ${o.droppedBatches} batches so far (batchSeq ${firstSeq}..${lastSeq} last)`,
      {
        droppedPoints: s.droppedPoints,
        droppedBatches: s.droppedBatches,
        firstDroppedSeq: firstSeq,
        lastDroppedSeq: lastSeq,
        spoolBytes: s.bytes,
        maxBytes: s.maxBytes,
      },
    );
  }

  private onSourceState(id: string, state: TSourceState, error: string | null, kind?: 'security'): void {
    const raised = this.sourceAlarms.get(id);
    if (state === 'connected' && raised) {
      this.sourceAlarms.delete(id);
      this.raise(raised, 'info', 'cleared', id, `source ${id} connected again`);
    } else if (state === 'error' && !raised) {
      const code: TConnectorAlarmCode = kind === 'security' ? 'source-security' : 'source-down';
      this.sourceAlarms.set(id, code);
      this.raise(
        code,
        kind === 'security' ? 'critical' : 'warning',
        'raised',
        id,
        `source ${id}: ${error ?? 'error'}`,
      );
    }
  }

  // ---- status ---------------------------------------------------------------------------------------

  heartbeatMessage(): TConnectorHeartbeat {
    const now = Date.now();
    const elapsed = (now - this.lastRate.at) / 1000;
    if (elapsed >= 1) {
      this.lastRate = {
        at: now,
        pointsRead: this.counters.pointsRead,
        ackedPoints: this.publisher.counters.ackedPoints,
        pointsPerS: (this.counters.pointsRead - this.lastRate.pointsRead) / elapsed,
        publishedPerS: (this.publisher.counters.ackedPoints - this.lastRate.ackedPoints) / elapsed,
      };
    }
    const spool = this.spool.status();
    return {
      v: 1,
      kind: 'heartbeat',
      connectorId: this.address.connector,
      ts: now,
      version: this.opts.version,
      uptimeS: Math.round((now - this.startedAt) / 100) / 10,
      configVersion: this.configVersion,
      spool,
      lagMs: spool.oldestAt === null ? 0 : Math.max(0, now - spool.oldestAt),
      pointsPerS: Math.round(this.lastRate.pointsPerS * 10) / 10,
      publishedPerS: Math.round(this.lastRate.publishedPerS * 10) / 10,
      sources: this.sources.map((s) => s.status()),
    };
  }

  private heartbeat(): void {
    if (this.stopped) return;
    const hb = this.heartbeatMessage();
    this.publisher.publishDirect(statusTopic(this.address), JSON.stringify(hb));
    this.writeStatusFile(hb);
    if (this.overflow && hb.spool.bytes < hb.spool.maxBytes / 2) {
      this.overflow = null;
      this.raise('spool-overflow', 'info', 'cleared', 'spool', 'spool below half full again', {
        droppedPoints: hb.spool.droppedPoints,
      });
    }
  }

  private writeStatusFile(hb: TConnectorHeartbeat = this.heartbeatMessage()): void {
    const file = path.join(this.config.dataDir, STATUS_FILE);
    const body: TStatusFile = {
      pid: process.pid,
      writtenAt: Date.now(),
      mqttConnected: this.publisher.isConnected,
      heartbeat: hb,
    };
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(body, null, 2), { mode: 0o640 });
      renameSync(`${file}.tmp`, file);
    } catch (e) {
      this.log.warn('cannot write the status file', { error: (e as Error).message });
    }
  }

  // ---- commands -------------------------------------------------------------------------------------

  private reply(
    commandId: string,
    ok: boolean,
    error?: TTelemetryReply['error'],
    result?: TTelemetryReply['result'],
  ): void {
    const r: TTelemetryReply = {
      v: 1,
      connectorId: this.address.connector,
      commandId,
      ts: Date.now(),
      ok,
      error,
      result,
    };
    this.publisher.publishDirect(replyTopic(this.address), JSON.stringify(r));
  }

  async handleCommand(payload: Buffer): Promise<TTelemetryReply['error'] | null> {
    const decoded = decodeMessage(ZTelemetryCommand, payload);
    if (!decoded.ok) {
      let id = '';
      try {
        const raw = JSON.parse(payload.toString('utf8')) as { id?: unknown };
        if (typeof raw.id === 'string') id = raw.id.slice(0, 64);
      } catch {
        /* not JSON */
      }
      this.log.warn('invalid command refused', { error: decoded.error });
      const error = { code: 'invalid' as const, message: decoded.error };
      this.reply(id, false, error);
      return error;
    }
    const cmd = decoded.value;
    if (cmd.expiresAt !== undefined && cmd.expiresAt < Date.now()) {
      const error = {
        code: 'expired' as const,
        message: `command expired at ${new Date(cmd.expiresAt).toISOString()}`,
      };
      this.reply(cmd.id, false, error);
      return error;
    }
    try {
      const result = await this.execute(cmd);
      this.reply(cmd.id, true, undefined, result);
      return null;
    } catch (e) {
      const error =
        e instanceof CommandError
          ? { code: e.code, message: e.message }
          : { code: 'failed' as const, message: (e as Error).message.slice(0, 1000) };
      this.log.warn('command failed', { id: cmd.id, type: cmd.type, error: error.message });
      this.reply(cmd.id, false, error);
      return error;
    }
  }

  private async execute(cmd: TTelemetryCommand): Promise<TTelemetryReply['result']> {
    switch (cmd.type) {
      case 'ping':
        return { version: this.opts.version };
      case 'status':
        this.heartbeat();
        return {};
      case 'write':
        return this.write(cmd.equipment, cmd.tag, cmd.value);
      case 'reload-config':
        return cmd.config
          ? this.applyPushed(cmd.config, cmd.configVersion ?? `pushed:${hashOf(cmd.config)}`)
          : this.reloadLocal();
    }
  }

  private async write(equipment: string, tag: string, value: number | boolean | string) {
    const allowed = this.config.security.writeAllowList.some(
      (a) => a.equipment === equipment && a.tag === tag,
    );
    if (!allowed) {
      this.raise(
        'write-denied',
        'warning',
        'raised',
        `${equipment}/${tag}`,
        `write to ${equipment}/${tag} refused: not on the local allow-list`,
      );
      throw new CommandError(
        'not-allowed',
        `${equipment}/${tag} is not on this connector's local write allow-list`,
      );
    }
    const source = this.sources.find((s) => s.has(equipment, tag));
    if (!source) throw new CommandError('unknown-tag', `${equipment}/${tag} is not mapped by any source`);
    if (source.status().state !== 'connected') {
      throw new CommandError('source-unavailable', `source ${source.id} is not connected`);
    }
    try {
      await source.write(equipment, tag, value);
    } catch (e) {
      this.raise('write-failed', 'warning', 'raised', `${equipment}/${tag}`, (e as Error).message);
      throw e;
    }
    this.log.info('write executed', { equipment, tag, value });
    return { equipment, tag };
  }

  private async applyPushed(config: TSourcesConfig, configVersion: string) {
    const issues = securityPolicyIssues(config.sources, this.config.security.allowSecurityNone);
    if (issues.length > 0) {
      const message = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      this.raise('config-invalid', 'warning', 'raised', configVersion, message);
      throw new CommandError('not-allowed', message);
    }
    const baseDir = this.opts.configFile
      ? path.dirname(path.resolve(this.opts.configFile))
      : this.config.dataDir;
    const resolved: TSourcesConfig = {
      batching: config.batching,
      sources: resolveSourcePaths(config.sources, baseDir),
    };
    const file = path.join(this.config.dataDir, PUSHED_CONFIG_FILE);
    writeFileSync(`${file}.tmp`, JSON.stringify({ configVersion, config: resolved }), { mode: 0o640 });
    renameSync(`${file}.tmp`, file);
    await this.replaceSources(resolved);
    this.configVersion = configVersion;
    this.log.info('pushed configuration applied', { configVersion, sources: resolved.sources.length });
    this.heartbeat();
    return { configVersion };
  }

  private async reloadLocal() {
    if (!this.opts.configFile)
      throw new CommandError('failed', 'this agent was not started from a configuration file');
    let next: TConnectorConfig;
    try {
      next = loadConfig(this.opts.configFile);
    } catch (e) {
      this.raise('config-invalid', 'warning', 'raised', 'local', (e as Error).message);
      throw new CommandError('invalid', (e as Error).message.slice(0, 1000));
    }
    const restartNeeded = (['connector', 'dataDir', 'mqtt', 'spool'] as const).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(this.config[k]),
    );
    const file = path.join(this.config.dataDir, PUSHED_CONFIG_FILE);
    if (existsSync(file)) renameSync(file, `${file}.replaced`);
    this.config = { ...this.config, security: next.security, status: next.status };
    await this.replaceSources({ batching: next.batching, sources: next.sources });
    this.configVersion = `local:${hashOf({ b: next.batching, s: next.sources })}`;
    this.heartbeat();
    return { configVersion: this.configVersion, restartNeededFor: restartNeeded.join(',') };
  }

  private readPushedConfig(): { configVersion: string; config: TSourcesConfig } | null {
    const file = path.join(this.config.dataDir, PUSHED_CONFIG_FILE);
    if (!existsSync(file)) return null;
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as { configVersion?: unknown; config?: unknown };
      const config = ZSourcesConfig.parse(raw.config);
      if (securityPolicyIssues(config.sources, this.config.security.allowSecurityNone).length > 0) {
        throw new Error('it asks for security mode None, which the local file does not allow');
      }
      return { configVersion: String(raw.configVersion ?? 'pushed'), config };
    } catch (e) {
      this.log.error('ignoring the stored pushed configuration', { error: (e as Error).message });
      return null;
    }
  }
}

export class CommandError extends Error {
  constructor(
    readonly code: 'invalid' | 'not-allowed' | 'unknown-tag' | 'source-unavailable' | 'failed',
    message: string,
  ) {
    super(message);
  }
}
