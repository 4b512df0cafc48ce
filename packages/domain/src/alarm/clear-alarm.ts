import type { TenantTx } from '@ingot/db';
import { appendAlarmEvent } from './append-alarm-event.ts';

export interface TClearAlarmInput {
  tenantId: string;
  openKey: string;
  at: Date;
  value?: number | null;
}

export interface TClearAlarmResult {
  alarmId: string | null;
  /** `cleared`: now cleared_unacked; `closed`: it was acknowledged, so clearing closed it; `none`: nothing open was active. */
  outcome: 'cleared' | 'closed' | 'none';
}

/**
 * The condition of `openKey` has gone (ISA-18.2): active_unacked -> cleared_unacked, active_acked -> closed (the
 * key is released, so the next raise opens a new alarm). Idempotent: nothing active under the key is a no-op.
 * Each transition is one conditional UPDATE, so concurrent clears (several replicas) apply it once.
 */
export async function clearAlarm(tx: TenantTx, input: TClearAlarmInput): Promise<TClearAlarmResult> {
  const value = input.value ?? null;
  const cleared = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE alarm SET state = 'cleared_unacked', cleared_at = ${input.at}::timestamptz, value = COALESCE(${value}::float8, value),
                     updated_at = now()
     WHERE tenant_id = ${input.tenantId}::uuid AND open_key = ${input.openKey} AND state = 'active_unacked'
    RETURNING id::text AS id`;
  if (cleared[0]) {
    await appendAlarmEvent(tx, {
      tenantId: input.tenantId,
      alarmId: cleared[0].id,
      kind: 'cleared',
      at: input.at,
      value,
    });
    return { alarmId: cleared[0].id, outcome: 'cleared' };
  }
  const closed = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE alarm SET state = 'closed', cleared_at = ${input.at}::timestamptz, closed_at = ${input.at}::timestamptz, open_key = NULL,
                     shelved_until = NULL, value = COALESCE(${value}::float8, value), updated_at = now()
     WHERE tenant_id = ${input.tenantId}::uuid AND open_key = ${input.openKey} AND state = 'active_acked'
    RETURNING id::text AS id`;
  if (closed[0]) {
    await appendAlarmEvent(tx, {
      tenantId: input.tenantId,
      alarmId: closed[0].id,
      kind: 'cleared',
      at: input.at,
      value,
    });
    await appendAlarmEvent(tx, {
      tenantId: input.tenantId,
      alarmId: closed[0].id,
      kind: 'closed',
      at: input.at,
    });
    return { alarmId: closed[0].id, outcome: 'closed' };
  }
  return { alarmId: null, outcome: 'none' };
}
