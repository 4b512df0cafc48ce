import type { TenantTx } from '@ingot/db';
import type { TAlarmEventKind } from './alarm-event-kind.ts';

export interface TAlarmEventEntry {
  tenantId: string;
  alarmId: string;
  kind: TAlarmEventKind;
  at: Date;
  /** The person; null for ingest, SPC or a workflow. */
  userId?: string | null;
  text?: string;
  value?: number | null;
}

/** Appends one row to the alarm's history (the table is INSERT-only for the application role). */
export async function appendAlarmEvent(tx: TenantTx, e: TAlarmEventEntry): Promise<void> {
  await tx.alarmEvent.create({
    data: {
      tenantId: e.tenantId,
      alarmId: e.alarmId,
      kind: e.kind,
      at: e.at,
      userId: e.userId ?? null,
      text: e.text ?? '',
      value: e.value ?? null,
    },
  });
}
