import type { TenantTx } from '@ingot/db';
import { appendAlarmEvent } from './append-alarm-event.ts';
import { uuidV7 } from './uuid-v7.ts';

export type TAlarmSource = 'rule' | 'connector' | 'spc';
export type TAlarmSeverity = 'critical' | 'high' | 'medium' | 'low';

export interface TRaiseAlarmInput {
  tenantId: string;
  plantId: string;
  source: TAlarmSource;
  /** Names the condition (`rule:<id>`, `connector:<id>:<code>`, `spc:<chart>:<rule>`): one open alarm per key. */
  openKey: string;
  ruleId?: string | null;
  equipment?: string | null;
  tag?: string | null;
  severity: TAlarmSeverity;
  message: string;
  value?: number | null;
  at: Date;
}

export interface TRaiseAlarmResult {
  alarmId: string;
  /** `raised`: a new alarm; `returned`: a cleared-unacknowledged one became active again; `updated`: it was active. */
  outcome: 'raised' | 'returned' | 'updated';
}

/**
 * Raises the alarm of a condition, or updates the open one: idempotent, and safe when several ingest replicas
 * raise the same condition at once. The unique `(tenant_id, open_key)` index decides: the insert that loses the
 * race becomes an update of the winner's row (`ON CONFLICT DO UPDATE` waits for the winner's commit), so a
 * condition never has two open alarms. A cleared-but-unacknowledged alarm whose condition comes back returns to
 * active_unacked (ISA-18.2 "return"), an active one only takes the latest value. Callers are ingest and SPC (no
 * person): the history row has no user and no audit row is written.
 */
export async function raiseAlarm(tx: TenantTx, input: TRaiseAlarmInput): Promise<TRaiseAlarmResult> {
  const value = input.value ?? null;
  // A return first: the row lock makes a concurrent return see the new state and match nothing.
  const returned = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE alarm SET state = 'active_unacked', cleared_at = NULL, value = ${value}::float8, updated_at = now()
     WHERE tenant_id = ${input.tenantId}::uuid AND open_key = ${input.openKey} AND state = 'cleared_unacked'
    RETURNING id::text AS id`;
  if (returned[0]) {
    await appendAlarmEvent(tx, {
      tenantId: input.tenantId,
      alarmId: returned[0].id,
      kind: 'returned',
      at: input.at,
      value,
    });
    return { alarmId: returned[0].id, outcome: 'returned' };
  }
  const rows = await tx.$queryRaw<Array<{ id: string; inserted: boolean }>>`
    INSERT INTO alarm (id, tenant_id, plant_id, source, rule_id, open_key, equipment, tag, severity, message,
                       state, value, raised_at, created_at, updated_at)
    VALUES (${uuidV7(input.at.getTime())}::uuid, ${input.tenantId}::uuid, ${input.plantId}::uuid, ${input.source},
            ${input.ruleId ?? null}::uuid, ${input.openKey}, ${input.equipment ?? null}, ${input.tag ?? null},
            ${input.severity}::alarm_severity, ${input.message}, 'active_unacked', ${value}::float8, ${input.at}::timestamptz,
            now(), now())
    ON CONFLICT (tenant_id, open_key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
    RETURNING id::text AS id, (xmax = 0) AS inserted`;
  const row = rows[0];
  if (!row) throw new Error('raiseAlarm: the upsert returned no row');
  if (!row.inserted) return { alarmId: row.id, outcome: 'updated' };
  await appendAlarmEvent(tx, {
    tenantId: input.tenantId,
    alarmId: row.id,
    kind: 'raised',
    at: input.at,
    text: input.message,
    value,
  });
  return { alarmId: row.id, outcome: 'raised' };
}
