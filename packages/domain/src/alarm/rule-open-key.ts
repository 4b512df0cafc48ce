/** The open key of a rule's alarm (a rule watches one equipment and tag, so it has at most one open alarm). */
export function ruleOpenKey(ruleId: string): string {
  return `rule:${ruleId}`;
}

/** The open key of an alarm a connector raised (e.g. spool-overflow), per connector and code. */
export function connectorOpenKey(connectorId: string, code: string): string {
  return `connector:${connectorId}:${code}`;
}
