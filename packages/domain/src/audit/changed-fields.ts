/** Names of the fields an update input actually sets (for the audit row's details). */
export function changedFields(changes: object): string[] {
  return Object.entries(changes)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
    .sort();
}
