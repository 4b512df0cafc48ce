import type { TAlarmRuleKind, TAlarmSeverity } from '@ingot/contracts';
import type { AlarmRule } from '@ingot/db';

export interface TAlarmRuleDto {
  id: string;
  plantId: string;
  name: string;
  equipment: string;
  tag: string | null;
  kind: TAlarmRuleKind;
  threshold: number | null;
  deadband: number;
  ratePerMinute: number | null;
  staleAfterSeconds: number | null;
  triggerStates: string[];
  onDelaySeconds: number;
  severity: TAlarmSeverity;
  message: string;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The stored JSON list of trigger states, read defensively (only strings survive). */
export function triggerStatesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
}

export function toAlarmRuleDto(r: AlarmRule): TAlarmRuleDto {
  return {
    id: r.id,
    plantId: r.plantId,
    name: r.name,
    equipment: r.equipment,
    tag: r.tag,
    kind: r.kind,
    threshold: r.threshold,
    deadband: r.deadband,
    ratePerMinute: r.ratePerMinute,
    staleAfterSeconds: r.staleAfterSeconds,
    triggerStates: triggerStatesOf(r.triggerStates),
    onDelaySeconds: r.onDelaySeconds,
    severity: r.severity,
    message: r.message,
    enabled: r.enabled,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
