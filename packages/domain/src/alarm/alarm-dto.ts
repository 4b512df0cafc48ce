import type { TAlarmSeverity, TAlarmState } from '@ingot/contracts';
import type { Alarm } from '@ingot/db';

export interface TAlarmDto {
  id: string;
  plantId: string;
  source: string;
  ruleId: string | null;
  equipment: string | null;
  tag: string | null;
  severity: TAlarmSeverity;
  message: string;
  state: TAlarmState;
  value: number | null;
  raisedAt: Date;
  clearedAt: Date | null;
  ackedAt: Date | null;
  /** Until when it is shelved; null when it is not (or no longer) shelved. */
  shelvedUntil: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
}

export function toAlarmDto(a: Alarm, now = new Date()): TAlarmDto {
  return {
    id: a.id,
    plantId: a.plantId,
    source: a.source,
    ruleId: a.ruleId,
    equipment: a.equipment,
    tag: a.tag,
    severity: a.severity,
    message: a.message,
    state: a.state,
    value: a.value,
    raisedAt: a.raisedAt,
    clearedAt: a.clearedAt,
    ackedAt: a.ackedAt,
    shelvedUntil: a.state !== 'closed' && a.shelvedUntil && a.shelvedUntil > now ? a.shelvedUntil : null,
    closedAt: a.closedAt,
    updatedAt: a.updatedAt,
  };
}
