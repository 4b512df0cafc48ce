import type { TAlarmRuleKind, TAlarmSeverity } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';

interface TDemoAlarmRule {
  plant: string;
  name: string;
  equipment: string;
  tag: string | null;
  kind: TAlarmRuleKind;
  threshold?: number;
  deadband?: number;
  ratePerMinute?: number;
  staleAfterSeconds?: number;
  triggerStates?: string[];
  onDelaySeconds?: number;
  severity: TAlarmSeverity;
  message: string;
}

/**
 * Rules on the equipment the plant simulator models (apps/connector/src/simulator: equipment codes and tag names
 * as it publishes them). Limits: the simulated cold-mill bearings run at 38 °C idle and about 70 °C at full
 * load, so 80 °C means a bearing going wrong (the simulator's "bearing temperature drift" fault shows it) and
 * 90 °C is a stop; the exit X-ray gauge reports every second, so 30 s without a value means AGC runs blind.
 */
const RULES: Record<string, TDemoAlarmRule[]> = {
  'east-china-al': [
    {
      plant: 'RP',
      name: '1#冷轧机轴承温度高 / CM-1 bearing temperature high',
      equipment: 'CM-1',
      tag: 'bearing_temp',
      kind: 'high',
      threshold: 80,
      deadband: 3,
      onDelaySeconds: 10,
      severity: 'high',
      message:
        '1#冷轧机工作辊轴承温度高于 80 °C，检查润滑 / CM-1 work-roll bearing above 80 °C: check lubrication',
    },
    {
      plant: 'RP',
      name: '1#冷轧机轴承温度过高 / CM-1 bearing temperature very high',
      equipment: 'CM-1',
      tag: 'bearing_temp',
      kind: 'high',
      threshold: 90,
      deadband: 3,
      onDelaySeconds: 5,
      severity: 'critical',
      message: '1#冷轧机轴承温度高于 90 °C，准备停机 / CM-1 bearing above 90 °C: prepare to stop the mill',
    },
    {
      plant: 'RP',
      name: '1#冷轧机轴承温升过快 / CM-1 bearing temperature rising fast',
      equipment: 'CM-1',
      tag: 'bearing_temp',
      kind: 'rate_of_change',
      ratePerMinute: 5,
      deadband: 1,
      onDelaySeconds: 30,
      severity: 'medium',
      message: '1#冷轧机轴承温升超过 5 °C/min / CM-1 bearing heating faster than 5 °C/min',
    },
    {
      plant: 'RP',
      name: '1#冷轧机出口测厚仪无数据 / CM-1 exit gauge signal lost',
      equipment: 'CM-1',
      tag: 'exit_thickness',
      kind: 'stale',
      staleAfterSeconds: 30,
      severity: 'high',
      message:
        '出口测厚仪 30 s 无数据，厚度自动控制失去反馈 / exit thickness gauge silent for 30 s: AGC has no feedback',
    },
    {
      plant: 'RP',
      name: '1#冷轧机故障 / CM-1 fault',
      equipment: 'CM-1',
      tag: null,
      kind: 'state_change',
      triggerStates: ['fault'],
      severity: 'critical',
      message: '1#冷轧机进入故障状态 / CM-1 entered the fault state',
    },
    {
      plant: 'RP',
      name: '2#冷轧机轴承温度高 / CM-2 bearing temperature high',
      equipment: 'CM-2',
      tag: 'bearing_temp',
      kind: 'high',
      threshold: 80,
      deadband: 3,
      onDelaySeconds: 10,
      severity: 'high',
      message: '2#冷轧机工作辊轴承温度高于 80 °C / CM-2 work-roll bearing above 80 °C',
    },
    {
      plant: 'RP',
      name: '2#冷轧机故障 / CM-2 fault',
      equipment: 'CM-2',
      tag: null,
      kind: 'state_change',
      triggerStates: ['fault'],
      severity: 'critical',
      message: '2#冷轧机进入故障状态 / CM-2 entered the fault state',
    },
    {
      plant: 'RP',
      name: '1#铝箔精轧机故障 / FM-1 fault',
      equipment: 'FM-1',
      tag: null,
      kind: 'state_change',
      triggerStates: ['fault'],
      severity: 'critical',
      message: '1#铝箔精轧机进入故障状态 / FM-1 entered the fault state',
    },
    {
      plant: 'RP',
      name: '3#箔材退火炉故障 / AF-3 fault',
      equipment: 'AF-3',
      tag: null,
      kind: 'state_change',
      triggerStates: ['fault'],
      severity: 'high',
      message: '3#箔材退火炉进入故障状态 / AF-3 entered the fault state',
    },
    {
      plant: 'RP',
      name: '冷轧车间一氧化碳浓度高 / Cold rolling shop CO high',
      equipment: 'ENV-CR',
      tag: 'co',
      kind: 'high',
      threshold: 20,
      deadband: 2,
      onDelaySeconds: 30,
      severity: 'high',
      message:
        '冷轧车间 CO 浓度高于 20 ppm，检查通风 / CO above 20 ppm in the cold rolling shop: check ventilation',
    },
    {
      plant: 'RP',
      name: '冷轧车间环境监测无数据 / Cold rolling shop environment station silent',
      equipment: 'ENV-CR',
      tag: 'co',
      kind: 'stale',
      staleAfterSeconds: 120,
      severity: 'low',
      message: '环境监测站 2 min 无数据 / environment station silent for 2 min',
    },
    {
      plant: 'EP',
      name: '1#挤压机故障 / EXP-1 fault',
      equipment: 'EXP-1',
      tag: null,
      kind: 'state_change',
      triggerStates: ['fault'],
      severity: 'critical',
      message: '1#挤压机进入故障状态 / EXP-1 entered the fault state',
    },
  ],
};

/**
 * The demo tenants' alarm rules on the simulated equipment. Idempotent like the rest of the demo seed: a rule is
 * created only when its plant has no rule of that name, and never updated (users may have tuned it).
 */
export async function seedDemoAlarms(
  tx: TenantTx,
  ctx: TTenantContext,
  slug: string,
  plants: Record<string, string>,
): Promise<void> {
  for (const r of RULES[slug] ?? []) {
    const plantId = plants[r.plant];
    if (!plantId) continue;
    const exists = await tx.alarmRule.findFirst({
      where: { tenantId: ctx.tenantId, plantId, name: r.name },
      select: { id: true },
    });
    if (exists) continue;
    await tx.alarmRule.create({
      data: {
        tenantId: ctx.tenantId,
        plantId,
        name: r.name,
        equipment: r.equipment,
        tag: r.tag,
        kind: r.kind,
        threshold: r.threshold ?? null,
        deadband: r.deadband ?? 0,
        ratePerMinute: r.ratePerMinute ?? null,
        staleAfterSeconds: r.staleAfterSeconds ?? null,
        triggerStates: r.triggerStates ?? [],
        onDelaySeconds: r.onDelaySeconds ?? 0,
        severity: r.severity,
        message: r.message,
      },
    });
  }
}
