/**
 * Faults the simulator can inject, and their text form for the command line
 * (`ingot-connector simulate --fault bearing-drift:CM-1,rate=2 --fault server-restart,at=60s,down=5s`):
 *
 *   <kind>[:<target>][,<key>=<value>]...
 *
 * | kind           | target               | keys                                    |
 * | bearing-drift  | equipment            | rate (°C per min, default 1), at, for   |
 * | gauge-drift    | equipment            | rate (mm per min, default 0.002), at, for |
 * | stuck-sensor   | equipment/tag        | at, for                                 |
 * | trip           | equipment            | at, for                                 |
 * | server-restart | (none)               | down (default 2s), at                   |
 *
 * `at` delays the fault after injection, `for` ends it (default: until cleared); durations are plant time
 * and take ms, s, m or h suffixes (a bare number is seconds).
 */

/** Help text for the CLI's --fault option (English; the CLI is an operator tool). */
export const FAULT_SPEC_HELP = [
  '--fault <kind>[:<target>][,<key>=<value>]...   (repeatable)',
  '  bearing-drift:<equipment>[,rate=<°C/min, default 1>]',
  '  gauge-drift:<equipment>[,rate=<mm/min, default 0.002>]',
  '  stuck-sensor:<equipment>/<tag>',
  '  trip:<equipment>',
  '  server-restart[,down=<duration, default 2s>]',
  '  common: at=<delay after start>, for=<duration> (not for server-restart); durations 500ms, 30s, 2m, 1h',
  '  e.g. --fault bearing-drift:CM-1,rate=2,at=1m --fault server-restart,at=90s,down=5s',
].join('\n');

export const FAULT_KINDS = [
  'bearing-drift',
  'gauge-drift',
  'stuck-sensor',
  'trip',
  'server-restart',
] as const;
export type TFaultKind = (typeof FAULT_KINDS)[number];

interface TTiming {
  /** Seconds of plant time after injection before the fault starts. */
  atS: number;
  /** Seconds of plant time the fault lasts; undefined = until cleared. */
  forS?: number;
}

export type TFaultSpec =
  | ({ kind: 'bearing-drift'; equipment: string; rateCPerMin: number } & TTiming)
  | ({ kind: 'gauge-drift'; equipment: string; rateMmPerMin: number } & TTiming)
  | ({ kind: 'stuck-sensor'; equipment: string; tag: string } & TTiming)
  | ({ kind: 'trip'; equipment: string } & TTiming)
  | ({ kind: 'server-restart'; downS: number } & TTiming);

export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

/** Parses "2m", "30s", "500ms", "1.5h" or "12" (seconds) into seconds. */
export function parseDuration(text: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new FaultSpecError(`${what} must be a duration like 500ms, 30s, 2m or 1h, got "${text}"`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return unit === 'ms' ? n / 1000 : unit === 's' ? n : unit === 'm' ? n * 60 : n * 3600;
}

function parseNumber(text: string, what: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n))
    throw new FaultSpecError(`${what} must be a number, got "${text}"`);
  return n;
}

const ALLOWED_KEYS: Record<TFaultKind, readonly string[]> = {
  'bearing-drift': ['rate', 'at', 'for'],
  'gauge-drift': ['rate', 'at', 'for'],
  'stuck-sensor': ['at', 'for'],
  trip: ['at', 'for'],
  'server-restart': ['down', 'at'],
};

const EQUIPMENT_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function parseFaultSpec(text: string): TFaultSpec {
  const spec = text.trim();
  if (spec === '') throw new FaultSpecError('fault spec is empty');
  const [head = '', ...pairs] = spec.split(',');
  const colon = head.indexOf(':');
  const kindText = colon < 0 ? head : head.slice(0, colon);
  const target = colon < 0 ? undefined : head.slice(colon + 1);
  if (!(FAULT_KINDS as readonly string[]).includes(kindText)) {
    throw new FaultSpecError(
      `unknown fault kind "${kindText}" in "${spec}" (known: ${FAULT_KINDS.join(', ')})`,
    );
  }
  const kind = kindText as TFaultKind;
  const params = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new FaultSpecError(`"${pair}" in "${spec}" must be key=value`);
    const key = pair.slice(0, eq).trim();
    if (!ALLOWED_KEYS[kind].includes(key)) {
      throw new FaultSpecError(`${kind} takes no "${key}" (allowed: ${ALLOWED_KEYS[kind].join(', ')})`);
    }
    if (params.has(key)) throw new FaultSpecError(`"${key}" is given twice in "${spec}"`);
    params.set(key, pair.slice(eq + 1).trim());
  }
  const atText = params.get('at');
  const forText = params.get('for');
  const timing: TTiming = { atS: atText === undefined ? 0 : parseDuration(atText, 'at') };
  if (forText !== undefined) {
    timing.forS = parseDuration(forText, 'for');
    if (timing.forS <= 0) throw new FaultSpecError('for must be longer than 0');
  }

  if (kind === 'server-restart') {
    if (target !== undefined && target !== '') throw new FaultSpecError('server-restart takes no target');
    const down = params.get('down');
    return { kind, downS: down === undefined ? 2 : parseDuration(down, 'down'), ...timing };
  }
  if (target === undefined || target === '') {
    throw new FaultSpecError(
      `${kind} needs a target: ${kind}:${kind === 'stuck-sensor' ? '<equipment>/<tag>' : '<equipment>'}`,
    );
  }
  if (kind === 'stuck-sensor') {
    const slash = target.indexOf('/');
    const equipment = slash < 0 ? '' : target.slice(0, slash);
    const tag = slash < 0 ? '' : target.slice(slash + 1);
    if (!EQUIPMENT_RE.test(equipment) || tag === '') {
      throw new FaultSpecError(
        `stuck-sensor target must be <equipment>/<tag> (e.g. CM-1/exit_thickness), got "${target}"`,
      );
    }
    return { kind, equipment, tag, ...timing };
  }
  if (!EQUIPMENT_RE.test(target)) throw new FaultSpecError(`"${target}" is not an equipment code`);
  if (kind === 'bearing-drift') {
    const rate = params.get('rate');
    const rateCPerMin = rate === undefined ? 1 : parseNumber(rate, 'rate');
    return { kind, equipment: target, rateCPerMin, ...timing };
  }
  if (kind === 'gauge-drift') {
    const rate = params.get('rate');
    const rateMmPerMin = rate === undefined ? 0.002 : parseNumber(rate, 'rate');
    return { kind, equipment: target, rateMmPerMin, ...timing };
  }
  return { kind, equipment: target, ...timing };
}

/** The text form of a spec (parseFaultSpec(formatFaultSpec(s)) equals s). */
export function formatFaultSpec(s: TFaultSpec): string {
  const parts: string[] = [];
  switch (s.kind) {
    case 'server-restart':
      parts.push(s.kind, `down=${s.downS}s`);
      break;
    case 'stuck-sensor':
      parts.push(`${s.kind}:${s.equipment}/${s.tag}`);
      break;
    case 'bearing-drift':
      parts.push(`${s.kind}:${s.equipment}`, `rate=${s.rateCPerMin}`);
      break;
    case 'gauge-drift':
      parts.push(`${s.kind}:${s.equipment}`, `rate=${s.rateMmPerMin}`);
      break;
    case 'trip':
      parts.push(`${s.kind}:${s.equipment}`);
      break;
  }
  if (s.atS) parts.push(`at=${s.atS}s`);
  if (s.kind !== 'server-restart' && s.forS !== undefined) parts.push(`for=${s.forS}s`);
  return parts.join(',');
}
