import type { TTelemetryAlarm } from '@ingot/contracts';
import { type Db, withTenant } from '@ingot/db';
import {
  clearAlarm,
  connectorOpenKey,
  listPlantsWithStaleRules,
  listRulesForEvaluation,
  raiseAlarm,
  ruleOpenKey,
  type TAlarmRuleDto,
} from '@ingot/domain';
import type { TelemetryStore } from '@ingot/telemetry';
import type { TConnectorIdentity } from '../broker-auth/identity.ts';
import type { Logger } from '../logger.ts';
import type { TStoredBatch } from '../pipeline/ingest-pipeline.ts';
import { RuleMonitor, type TRuleDecision } from './rule-monitor.ts';

export interface TAlarmEvaluatorOptions {
  db: Db;
  store: TelemetryStore;
  log: Logger;
  /** How old a plant's cached rules may get before they are read again (a portal edit applies within this). */
  refreshMs?: number;
  /** How often stale-data rules are checked. */
  staleCheckMs?: number;
  /** Batches waiting per plant before new ones are dropped (and counted) rather than queued without bound. */
  maxQueuedBatches?: number;
  now?: () => number;
}

export interface TAlarmEvaluatorCounters {
  batches: number;
  raised: number;
  cleared: number;
  connectorAlarms: number;
  dropped: number;
  failures: number;
}

interface TPlantRules {
  tenantId: string;
  plantId: string;
  loadedAt: number;
  monitors: Map<string, RuleMonitor>;
  /** Work on this plant runs one piece at a time, in arrival order (samples are judged in order). */
  queue: Promise<void>;
  queued: number;
}

type TAction = { monitor: RuleMonitor; decision: NonNullable<TRuleDecision> };

const DEFAULT_REFRESH_MS = 5000;

/**
 * Alarm rules evaluated on committed telemetry (issue 4). Listens to the ingest pipeline (`onStored`,
 * `onConnectorAlarm`); the tenant and plant are the broker identity's, never the payload's. Rules are cached per
 * (tenant, plant) and read again after `refreshMs`; the cache also learns which rule alarms are active, so after
 * a restart or on a second replica the evaluator continues rather than raising twice — and if two replicas do
 * decide the same raise, the alarm's unique open key makes the second an update.
 *
 * Samples of a batch are judged in timestamp order per rule; a sample older than one already judged is skipped.
 * Stale-data rules are checked on a timer against the store's latest values, for every plant seen since start and
 * every plant with a stale-data rule (looked up across tenants, so a plant silent since before the start counts).
 */
export class AlarmEvaluator {
  private readonly opts: TAlarmEvaluatorOptions;
  private readonly plants = new Map<string, TPlantRules>();
  private readonly startedAt: number;
  private timer: NodeJS.Timeout | null = null;
  private staleRunning: Promise<void> | null = null;
  /** When the plants with stale-data rules were last looked up (0: never). */
  private discoveredAt = 0;
  readonly counters: TAlarmEvaluatorCounters = {
    batches: 0,
    raised: 0,
    cleared: 0,
    connectorAlarms: 0,
    dropped: 0,
    failures: 0,
  };

  constructor(opts: TAlarmEvaluatorOptions) {
    this.opts = opts;
    this.startedAt = this.now();
  }

  /** The listeners to give IngestPipeline. */
  get listeners() {
    return {
      onStored: (b: TStoredBatch) => this.onStored(b),
      onConnectorAlarm: (i: TConnectorIdentity, a: TTelemetryAlarm) => this.onConnectorAlarm(i, a),
    };
  }

  /** Starts the stale-data timer. */
  start(): this {
    if (!this.timer) {
      this.timer = setInterval(() => void this.checkStale(), this.opts.staleCheckMs ?? 5000);
      this.timer.unref();
    }
    return this;
  }

  /** Stops the timer and waits for the work already queued. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.staleRunning;
    await Promise.all([...this.plants.values()].map((p) => p.queue));
  }

  /** Waits until everything queued so far has been evaluated (tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.plants.values()].map((p) => p.queue));
  }

  onStored(batch: TStoredBatch): Promise<void> {
    const { tenantId, plantId } = batch.identity;
    return this.enqueue(tenantId, plantId, async (plant) => {
      this.counters.batches += 1;
      await this.execute(plant, this.judgeBatch(plant, batch));
    });
  }

  onConnectorAlarm(identity: TConnectorIdentity, alarm: TTelemetryAlarm): Promise<void> {
    const { tenantId, plantId, connectorId } = identity;
    const key = alarm.subject
      ? `${connectorOpenKey(connectorId, alarm.code)}:${alarm.subject}`
      : connectorOpenKey(connectorId, alarm.code);
    const at = new Date(alarm.ts);
    return this.enqueue(tenantId, plantId, async () => {
      this.counters.connectorAlarms += 1;
      await withTenant(this.opts.db, { tenantId }, async (tx) => {
        if (alarm.state === 'raised') {
          await raiseAlarm(tx, {
            tenantId,
            plantId,
            source: 'connector',
            openKey: key,
            equipment: null,
            tag: null,
            severity:
              alarm.severity === 'critical' ? 'critical' : alarm.severity === 'warning' ? 'medium' : 'low',
            message: `${identity.connectorCode}: ${alarm.message || alarm.code}`,
            value: null,
            at,
          });
        } else {
          await clearAlarm(tx, { tenantId, openKey: key, at });
        }
      });
    });
  }

  /**
   * One pass of the stale-data rules of every plant seen or having a stale rule (also refreshes their rules).
   * Plants with stale rules are looked up across tenants (only the pairs), so a plant whose connectors were
   * already silent when this process started is watched too.
   */
  checkStale(): Promise<void> {
    if (this.staleRunning) return this.staleRunning;
    this.staleRunning = (async () => {
      await this.discoverStalePlants();
      for (const plant of [...this.plants.values()]) {
        await this.enqueue(plant.tenantId, plant.plantId, (p) => this.checkPlantStale(p));
      }
    })().finally(() => {
      this.staleRunning = null;
    });
    return this.staleRunning;
  }

  private async discoverStalePlants(): Promise<void> {
    const now = this.now();
    if (now - this.discoveredAt < (this.opts.refreshMs ?? DEFAULT_REFRESH_MS)) return;
    try {
      for (const { tenantId, plantId } of await listPlantsWithStaleRules(this.opts.db)) {
        this.plantRules(tenantId, plantId);
      }
      this.discoveredAt = now;
    } catch (e) {
      this.counters.failures += 1;
      this.opts.log.error('cannot list the plants with stale-data rules', { error: (e as Error).message });
    }
  }

  private async checkPlantStale(plant: TPlantRules): Promise<void> {
    const stale = [...plant.monitors.values()].filter((m) => m.rule.kind === 'stale' && m.rule.tag);
    if (stale.length === 0) return;
    const latest = await this.opts.store.latest(plant.tenantId, {
      plantId: plant.plantId,
      equipment: [...new Set(stale.map((m) => m.rule.equipment))],
      tags: [...new Set(stale.map((m) => m.rule.tag as string))],
    });
    const newest = new Map(latest.map((l) => [`${l.equipment}\u0000${l.tag}`, l.ts.getTime()]));
    const now = this.now();
    const actions: TAction[] = [];
    for (const m of stale) {
      const d = m.checkStale(
        newest.get(`${m.rule.equipment}\u0000${m.rule.tag}`) ?? null,
        now,
        this.startedAt,
      );
      if (d) actions.push({ monitor: m, decision: d });
    }
    await this.execute(plant, actions);
  }

  private judgeBatch(plant: TPlantRules, batch: TStoredBatch): TAction[] {
    const byTag = new Map<string, RuleMonitor[]>();
    const byEquipmentState = new Map<string, RuleMonitor[]>();
    for (const m of plant.monitors.values()) {
      if (m.rule.kind === 'state_change') {
        const list = byEquipmentState.get(m.rule.equipment) ?? [];
        list.push(m);
        byEquipmentState.set(m.rule.equipment, list);
      } else if (m.rule.tag) {
        const k = `${m.rule.equipment}\u0000${m.rule.tag}`;
        const list = byTag.get(k) ?? [];
        list.push(m);
        byTag.set(k, list);
      }
    }
    type TSample = { ts: number; run: () => TRuleDecision; monitor: RuleMonitor };
    const samples: TSample[] = [];
    for (const p of batch.points) {
      const monitors = byTag.get(`${p.equipment}\u0000${p.tag}`);
      if (!monitors) continue;
      const ts = typeof p.ts === 'number' ? p.ts : p.ts.getTime();
      const value = p.quality === 'bad' || typeof p.value !== 'number' ? null : p.value;
      for (const m of monitors) samples.push({ ts, monitor: m, run: () => m.observeValue(ts, value) });
    }
    for (const s of batch.states) {
      const monitors = byEquipmentState.get(s.equipment);
      if (!monitors) continue;
      const ts = typeof s.ts === 'number' ? s.ts : s.ts.getTime();
      for (const m of monitors) samples.push({ ts, monitor: m, run: () => m.observeState(ts, s.state) });
    }
    samples.sort((a, b) => a.ts - b.ts);
    const actions: TAction[] = [];
    for (const s of samples) {
      const decision = s.run();
      if (decision) actions.push({ monitor: s.monitor, decision });
    }
    return actions;
  }

  /** Carries the decisions out in one transaction, in order. */
  private async execute(plant: TPlantRules, actions: TAction[]): Promise<void> {
    if (actions.length === 0) return;
    const { tenantId, plantId } = plant;
    await withTenant(this.opts.db, { tenantId }, async (tx) => {
      for (const { monitor, decision } of actions) {
        const rule = monitor.rule;
        const openKey = ruleOpenKey(rule.id);
        if (decision.action === 'raise') {
          await raiseAlarm(tx, {
            tenantId,
            plantId,
            source: 'rule',
            openKey,
            ruleId: rule.id,
            equipment: rule.equipment,
            tag: rule.tag,
            severity: rule.severity,
            message: rule.message || rule.name,
            value: decision.value,
            at: decision.at,
          });
          this.counters.raised += 1;
        } else {
          await clearAlarm(tx, { tenantId, openKey, at: decision.at, value: decision.value });
          this.counters.cleared += 1;
        }
      }
    });
  }

  /** The plant's entry, created (rules not yet read) the first time it is named. */
  private plantRules(tenantId: string, plantId: string): TPlantRules {
    const key = `${tenantId}:${plantId}`;
    let plant = this.plants.get(key);
    if (!plant) {
      plant = { tenantId, plantId, loadedAt: 0, monitors: new Map(), queue: Promise.resolve(), queued: 0 };
      this.plants.set(key, plant);
    }
    return plant;
  }

  private enqueue(tenantId: string, plantId: string, work: (p: TPlantRules) => Promise<void>): Promise<void> {
    const p = this.plantRules(tenantId, plantId);
    if (p.queued >= (this.opts.maxQueuedBatches ?? 1000)) {
      this.counters.dropped += 1;
      this.opts.log.warn('alarm evaluation queue full: work dropped', { tenantId, plantId });
      return Promise.resolve();
    }
    p.queued += 1;
    p.queue = p.queue.then(async () => {
      try {
        await this.refresh(p);
        await work(p);
      } catch (e) {
        this.counters.failures += 1;
        this.opts.log.error('alarm evaluation failed', { tenantId, plantId, error: (e as Error).message });
      } finally {
        p.queued -= 1;
      }
    });
    return p.queue;
  }

  /** Reads the plant's enabled rules again when the cache is older than refreshMs. */
  private async refresh(plant: TPlantRules): Promise<void> {
    const now = this.now();
    if (now - plant.loadedAt < (this.opts.refreshMs ?? DEFAULT_REFRESH_MS)) return;
    const { rules, activeOpenKeys } = await withTenant(this.opts.db, { tenantId: plant.tenantId }, (tx) =>
      listRulesForEvaluation(tx, { tenantId: plant.tenantId, plantId: plant.plantId }),
    );
    const active = new Set(activeOpenKeys);
    const next = new Map<string, RuleMonitor>();
    for (const rule of rules) {
      const isActive = active.has(ruleOpenKey(rule.id));
      const current = plant.monitors.get(rule.id);
      if (current && sameSettings(current.rule, rule)) {
        current.active = isActive;
        next.set(rule.id, current);
      } else {
        next.set(rule.id, new RuleMonitor(rule, isActive));
      }
    }
    plant.monitors = next;
    plant.loadedAt = now;
  }

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }
}

function sameSettings(a: TAlarmRuleDto, b: TAlarmRuleDto): boolean {
  return a.updatedAt.getTime() === b.updatedAt.getTime();
}
