import type { TConnectorState } from '@ingot/contracts';

/** Badge style of a connector state. */
export function stateBadge(state: TConnectorState): string {
  switch (state) {
    case 'online':
      return 'badge badge--ok';
    case 'stale':
    case 'never-seen':
    case 'no-credentials':
      return 'badge badge--warn';
    case 'offline':
    case 'revoked':
      return 'badge badge--error';
  }
}

/** A lag in ms as the table shows it: ms under a second, seconds with one decimal under a minute, else minutes. */
export function formatLag(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

/** Error text of a config issue: `sources.0.endpointUrl (line 7): must be ...`. */
export function issueText(
  issue: { path: string; line: number | null; message: string },
  lineWord: string,
): string {
  const where = [issue.path, issue.line !== null ? `${lineWord} ${issue.line}` : null]
    .filter(Boolean)
    .join(' · ');
  return where ? `${where}: ${issue.message}` : issue.message;
}
