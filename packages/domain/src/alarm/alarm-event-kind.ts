/** What happened to an alarm; one append-only `alarm_event` row each. */
export const ALARM_EVENT_KINDS = [
  'raised',
  'returned',
  'cleared',
  'acknowledged',
  'shelved',
  'unshelved',
  'comment',
  'closed',
] as const;

export type TAlarmEventKind = (typeof ALARM_EVENT_KINDS)[number];
