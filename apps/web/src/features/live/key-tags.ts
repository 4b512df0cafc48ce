/**
 * The few values a tile shows for each class of equipment (the simulator's and common OPC UA tag names), with
 * their units. Equipment of another class, or without these tags, shows its first numeric tags.
 */
export interface TKeyTag {
  tag: string;
  unit: string;
  /** Decimals shown. */
  digits: number;
}

const mill = (speed: string, temp?: string): TKeyTag[] => [
  { tag: 'exit_thickness', unit: 'mm', digits: 3 },
  { tag: speed, unit: 'm/min', digits: 0 },
  temp ? { tag: temp, unit: '°C', digits: 0 } : { tag: 'roll_force', unit: 'kN', digits: 0 },
];
const furnace: TKeyTag[] = [
  { tag: 'metal_temp', unit: '°C', digits: 0 },
  { tag: 'zone1.pv', unit: '°C', digits: 0 },
  { tag: 'zone1.sp', unit: '°C', digits: 0 },
];

export const KEY_TAGS: Readonly<Record<string, readonly TKeyTag[]>> = {
  cold_mill: mill('strip_speed'),
  foil_mill: mill('strip_speed'),
  hot_mill: mill('exit_speed', 'exit_temp'),
  extrusion_press: [
    { tag: 'ram_speed', unit: 'mm/s', digits: 1 },
    { tag: 'pressure', unit: 'bar', digits: 0 },
    { tag: 'billet_temp', unit: '°C', digits: 0 },
  ],
  homogenizing_furnace: furnace,
  annealing_furnace: furnace,
  ageing_oven: furnace,
};

/** The identifying text of the current piece: coil, slab, die or charge. */
export const ID_TAGS = ['coil_id', 'slab_id', 'die_id', 'charge_id', 'billet_id'] as const;

/** The states a tile is coloured by. */
export const STATE_CLASS: Readonly<Record<string, string>> = {
  run: 'run',
  idle: 'idle',
  fault: 'fault',
  setup: 'setup',
  maintenance: 'maintenance',
  unknown: 'unknown',
};

export interface TTileValue {
  tag: string;
  value: number | null;
  text: string | null;
  quality: string;
}

/** The values a tile shows: its class's key tags that have data, else up to three numeric tags. */
export function tileValues(
  equipmentClass: string,
  values: readonly TTileValue[],
): { tag: string; unit: string; digits: number; value: TTileValue }[] {
  const byTag = new Map(values.map((v) => [v.tag, v]));
  const keys = (KEY_TAGS[equipmentClass] ?? []).flatMap((k) => {
    const v = byTag.get(k.tag);
    return v ? [{ ...k, value: v }] : [];
  });
  if (keys.length > 0) return keys;
  return values
    .filter((v) => v.text === null && v.tag !== 'state' && !v.tag.endsWith('seq'))
    .slice(0, 3)
    .map((v) => ({ tag: v.tag, unit: '', digits: 2, value: v }));
}

/** The identifying text of the current piece, if the equipment reports one. */
export function tileIdentity(
  values: readonly TTileValue[],
): { tag: (typeof ID_TAGS)[number]; text: string } | null {
  for (const tag of ID_TAGS) {
    const v = values.find((x) => x.tag === tag);
    if (v?.text) return { tag, text: v.text };
  }
  return null;
}
