import { ColdMillModel } from './cold-mill-model.ts';
import { EnergyMeters } from './energy-meters.ts';
import { FaultSpecError, type TFaultSpec } from './fault-spec.ts';
import type { TEquipmentModel, TSurfaceDefect, TTagValue } from './model-types.ts';
import { buildPlantModels, type TSimulatedPlant } from './plant-catalogue.ts';

/**
 * The simulated plants without any server: seeded models advanced tick by tick, the meters integrating their
 * draw, faults applied to the outputs, and a sequence number per equipment update. Everything here is a pure
 * function of (seed, plants, tickMs, timeScale, the ticks advanced and the faults injected at which tick), so
 * two simulations with the same inputs produce identical values; only the timestamps come from the caller.
 */

export interface TPlantSimulationOptions {
  seed: number;
  plants: readonly TSimulatedPlant[];
  /** Tick period, ms (the fastest tag update period). */
  tickMs: number;
  /** Plant seconds per real second (1 = real time). */
  timeScale: number;
}

/** The values one equipment published in one update. */
export interface TEquipmentUpdate {
  model: TEquipmentModel;
  /** Sequence number of this update, 1, 2, ... per equipment. */
  seq: number;
  /** Values of this update (faults applied). */
  values: Record<string, TTagValue>;
  /** Surface defects found during this update (cold mills only). */
  defects: TSurfaceDefect[];
}

export interface TTickResult {
  tick: number;
  /** Plant time since start, s. */
  plantTimeS: number;
  updates: TEquipmentUpdate[];
  /** True when the meters took a new sample this tick. */
  metersSampled: boolean;
  /** server-restart faults that became due this tick (the server layer performs them). */
  restarts: Array<{ id: number; downS: number }>;
}

export interface TActiveFault {
  id: number;
  spec: TFaultSpec;
  /** Plant time the fault starts / ends (s). */
  startS: number;
  endS: number | undefined;
  /** Stuck sensor: the value it froze at. */
  stuckValue?: TTagValue;
  started: boolean;
  ended: boolean;
}

export const METER_PERIOD_TICKS = 10;

export class PlantSimulation {
  readonly models: TEquipmentModel[];
  readonly meters: EnergyMeters;
  private tickNo = 0;
  private readonly seqs = new Map<TEquipmentModel, number>();
  private readonly faults: TActiveFault[] = [];
  private nextFaultId = 1;

  constructor(readonly options: TPlantSimulationOptions) {
    if (!Number.isInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
    if (!(options.tickMs > 0)) throw new Error(`tickMs must be positive, got ${options.tickMs}`);
    if (!(options.timeScale > 0)) throw new Error(`timeScale must be positive, got ${options.timeScale}`);
    if (options.plants.length === 0) throw new Error('plants must name at least one plant');
    this.models = buildPlantModels(options.seed, options.plants);
    this.meters = new EnergyMeters(options.seed, options.plants, this.models);
    for (const m of this.models) this.seqs.set(m, 0);
  }

  get tick(): number {
    return this.tickNo;
  }

  /** Plant seconds per tick. */
  get tickPlantS(): number {
    return (this.options.tickMs / 1000) * this.options.timeScale;
  }

  get plantTimeS(): number {
    return this.tickNo * this.tickPlantS;
  }

  findModel(code: string): TEquipmentModel | undefined {
    return this.models.find((m) => m.code === code);
  }

  private requireModel(code: string): TEquipmentModel {
    const m = this.findModel(code);
    if (!m) {
      throw new FaultSpecError(
        `unknown equipment "${code}" (simulated: ${this.models.map((x) => x.code).join(', ')})`,
      );
    }
    return m;
  }

  /** Checks the spec against the plant and schedules it; returns the fault id. */
  injectFault(spec: TFaultSpec): number {
    if (spec.kind !== 'server-restart') {
      const m = this.requireModel(spec.equipment);
      const needs =
        spec.kind === 'bearing-drift'
          ? 'bearing_temp'
          : spec.kind === 'gauge-drift'
            ? 'exit_thickness'
            : spec.kind === 'stuck-sensor'
              ? spec.tag
              : undefined;
      if (needs !== undefined && !m.tags.some((t) => t.name === needs)) {
        throw new FaultSpecError(
          `${spec.kind}: ${m.code} has no tag "${needs}" (tags: ${m.tags.map((t) => t.name).join(', ')})`,
        );
      }
      if (spec.kind === 'trip' && !m.setTripped) throw new FaultSpecError(`trip: ${m.code} cannot trip`);
    }
    const startS = this.plantTimeS + spec.atS;
    const endS = spec.kind !== 'server-restart' && spec.forS !== undefined ? startS + spec.forS : undefined;
    const id = this.nextFaultId++;
    this.faults.push({ id, spec, startS, endS, started: false, ended: false });
    return id;
  }

  /** Ends a fault now (a drift's offset disappears, a stuck sensor moves again, a trip is reset). */
  clearFault(id: number): boolean {
    const f = this.faults.find((x) => x.id === id && !x.ended);
    if (!f) return false;
    this.endFault(f);
    return true;
  }

  activeFaults(): TActiveFault[] {
    return this.faults.filter((f) => f.started && !f.ended);
  }

  pendingFaults(): TActiveFault[] {
    return this.faults.filter((f) => !f.ended);
  }

  private endFault(f: TActiveFault): void {
    f.ended = true;
    if (f.started && f.spec.kind === 'trip') {
      const stillTripped = this.faults.some(
        (o) =>
          o !== f &&
          o.started &&
          !o.ended &&
          o.spec.kind === 'trip' &&
          o.spec.equipment === (f.spec as { equipment: string }).equipment,
      );
      if (!stillTripped) this.requireModel(f.spec.equipment).setTripped?.(false);
    }
  }

  /** Advances one tick. */
  advance(): TTickResult {
    this.tickNo += 1;
    const t = this.plantTimeS;
    const restarts: TTickResult['restarts'] = [];
    for (const f of this.faults) {
      if (f.ended) continue;
      if (!f.started && t >= f.startS) {
        f.started = true;
        if (f.spec.kind === 'server-restart') {
          restarts.push({ id: f.id, downS: f.spec.downS });
          f.ended = true;
          continue;
        }
        if (f.spec.kind === 'trip') this.requireModel(f.spec.equipment).setTripped?.(true);
        if (f.spec.kind === 'stuck-sensor')
          f.stuckValue = this.requireModel(f.spec.equipment).read()[f.spec.tag];
      }
      if (f.started && f.endS !== undefined && t >= f.endS) this.endFault(f);
    }

    const updates: TEquipmentUpdate[] = [];
    for (const m of this.models) {
      if (this.tickNo % m.periodTicks !== 0) continue;
      m.step(m.periodTicks * this.tickPlantS);
      const seq = (this.seqs.get(m) ?? 0) + 1;
      this.seqs.set(m, seq);
      updates.push({
        model: m,
        seq,
        values: this.applyFaults(m, m.read(), t),
        defects: m instanceof ColdMillModel ? m.drainDefects() : [],
      });
    }
    this.meters.integrate(this.tickPlantS);
    const metersSampled = this.tickNo % METER_PERIOD_TICKS === 0;
    if (metersSampled) this.meters.sample();
    return { tick: this.tickNo, plantTimeS: t, updates, metersSampled, restarts };
  }

  private applyFaults(
    m: TEquipmentModel,
    raw: Record<string, TTagValue>,
    t: number,
  ): Record<string, TTagValue> {
    let values = raw;
    for (const f of this.faults) {
      if (!f.started || f.ended || f.spec.kind === 'server-restart' || f.spec.equipment !== m.code) continue;
      const minutes = (t - f.startS) / 60;
      if (values === raw) values = { ...raw };
      switch (f.spec.kind) {
        case 'bearing-drift':
          values.bearing_temp = round2((values.bearing_temp as number) + f.spec.rateCPerMin * minutes);
          break;
        case 'gauge-drift':
          values.exit_thickness =
            Math.round(((values.exit_thickness as number) + f.spec.rateMmPerMin * minutes) * 1e4) / 1e4;
          break;
        case 'stuck-sensor':
          if (f.stuckValue !== undefined) values[f.spec.tag] = f.stuckValue;
          break;
        case 'trip':
          break;
      }
    }
    return values;
  }

  /** Last sequence number per equipment ("RP/CM-1" -> 1234). */
  sequences(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [m, s] of this.seqs) out[`${m.plant}/${m.code}`] = s;
    return out;
  }

  /** Equipment updates produced so far (the sum of every equipment's sequence number). */
  producedCount(): number {
    let n = 0;
    for (const s of this.seqs.values()) n += s;
    return n;
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
