import type { SpcChart, TenantTx } from '@ingot/db';
import { analyseStoredChart } from './analyse-stored-chart.ts';
import { raiseSpcAlarm } from './raise-spc-alarm.ts';
import { RULE_DESCRIPTIONS } from './run-rules.ts';
import type { TSpcRule, TSpcSeriesKind } from './spc-types.ts';

export interface TSpcMonitorAlarm {
  chartId: string;
  rule: TSpcRule;
  alarmId: string;
  outcome: 'raised' | 'returned' | 'updated';
  /** 0-based subgroup index of the newest point that violates the rule. */
  index: number;
}

export interface TSpcMonitorResult {
  chartsChecked: number;
  alarms: TSpcMonitorAlarm[];
}

const SERIES_LABEL: Record<TSpcSeriesKind, string> = {
  xbar: 'X̄',
  r: 'R',
  s: 'S',
  i: 'I',
  mr: 'MR',
  p: 'p',
  np: 'np',
  c: 'c',
  u: 'u',
};

/**
 * Phase II monitoring after results were entered: every frozen chart of the plant fed by one of the given
 * characteristics (same code and element; of the same plan when the chart names one) is re-evaluated against its
 * frozen limits. A rule violation at a subgroup not checked before raises one alarm per chart and rule
 * (`spc:<chart>:<rule>`; an already open one only takes the new value), and the chart remembers how far it has
 * been checked, so calling this again for the same results raises nothing new. Run in the transaction that stored
 * the results: the alarm exists exactly when they do.
 */
export async function monitorSpcCharts(
  tx: TenantTx,
  input: { tenantId: string; plantId: string; characteristicIds: string[] },
): Promise<TSpcMonitorResult> {
  if (input.characteristicIds.length === 0) return { chartsChecked: 0, alarms: [] };
  const characteristics = await tx.inspectionCharacteristic.findMany({
    where: { tenantId: input.tenantId, id: { in: [...new Set(input.characteristicIds)] } },
    select: { code: true, element: true, planId: true },
  });
  if (characteristics.length === 0) return { chartsChecked: 0, alarms: [] };
  const candidates = await tx.spcChart.findMany({
    where: {
      tenantId: input.tenantId,
      plantId: input.plantId,
      phase: 'II',
      OR: characteristics.map((c) => ({
        characteristic: c.code,
        element: c.element,
        OR: [{ planId: null }, { planId: c.planId }],
      })),
    },
    orderBy: { id: 'asc' },
  });
  const alarms: TSpcMonitorAlarm[] = [];
  for (const chart of candidates) alarms.push(...(await monitorChart(tx, chart)));
  return { chartsChecked: candidates.length, alarms };
}

async function monitorChart(tx: TenantTx, chart: SpcChart): Promise<TSpcMonitorAlarm[]> {
  const analysis = await analyseStoredChart(tx, chart);
  const { stored, subgroups, series, phaseTwoStart } = analysis;
  const last = subgroups[subgroups.length - 1];
  if (!stored || !last) return [];
  const through = stored.alarmedThroughKey
    ? subgroups.findIndex((g) => g.key === stored.alarmedThroughKey)
    : -1;
  // Only phase II subgroups after the last one checked; if that one vanished, from the start of phase II.
  const firstNew = Math.max(phaseTwoStart, through + 1);
  if (firstNew >= subgroups.length) return [];
  // Per rule, the newest violating point over the chart's series (X̄ and R both count).
  const newest = new Map<TSpcRule, { index: number; value: number; series: TSpcSeriesKind }>();
  for (const s of series) {
    for (const hit of s.hits) {
      const fresh = hit.indices.filter((i) => i >= firstNew);
      const index = fresh[fresh.length - 1];
      if (index === undefined) continue;
      const prior = newest.get(hit.rule);
      if (!prior || index > prior.index) {
        const point = s.points.find((p) => p.index === index);
        newest.set(hit.rule, { index, value: point?.value ?? Number.NaN, series: s.kind });
      }
    }
  }
  const alarms: TSpcMonitorAlarm[] = [];
  for (const [rule, hit] of newest) {
    const subgroup = subgroups[hit.index];
    const result = await raiseSpcAlarm(tx, {
      tenantId: chart.tenantId,
      plantId: chart.plantId,
      chartId: chart.id,
      rule,
      message: `SPC ${chart.name}: ${rule} — ${RULE_DESCRIPTIONS[rule]} (${SERIES_LABEL[hit.series]} chart, subgroup ${hit.index + 1}${subgroup ? `, ${subgroup.label}` : ''})`,
      value: hit.value,
      at: subgroup?.at ?? new Date(),
    });
    alarms.push({
      chartId: chart.id,
      rule,
      alarmId: result.alarmId,
      outcome: result.outcome,
      index: hit.index,
    });
  }
  await tx.spcChart.update({
    where: { id: chart.id },
    data: { limits: { ...stored, alarmedThroughKey: last.key } },
  });
  return alarms;
}
