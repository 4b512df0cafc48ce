/** Alarm rules and alarms (issue 4): API input shapes. Owned by the alarms work; see packages/domain/src/alarm. */
export {};
