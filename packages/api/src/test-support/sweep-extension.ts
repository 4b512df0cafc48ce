import type { Db } from '@ingot/db';
import type { TSweepIds } from './lots-fixtures.ts';

/** A cross-tenant case: a procedure called by A's admin with an input that points at B's rows (or lists A's). */
export type TSweepCase = { path: string; input?: unknown; expect: 'reject' | 'ok' };

/** A bad input and the field path its BAD_REQUEST must name. */
export interface TSweepBadInput {
  path: string;
  input: unknown;
  field: string;
}

export type TSweepRowIds = TSweepIds & Readonly<Record<string, string>>;

/**
 * One domain's part of the API-wide sweeps (cross-tenant-sweep and validation): its rows of tenants A and B, the
 * cases that aim A's admin at B's rows, and its bad inputs. Each domain keeps these in its own fixtures file and
 * lists it in SWEEP_EXTENSIONS (sweep-extensions.ts), so the sweeps cover every procedure without each domain
 * editing them.
 */
export interface TSweepExtension {
  name: string;
  /** Creates the rows the cases aim at, after the demo seed and seedSweepLots; ids by name for tenants A and B. */
  seed(db: Db): Promise<{ a: Record<string, string>; b: Record<string, string> }>;
  cases(a: TSweepRowIds, b: TSweepRowIds, pass: number): TSweepCase[];
  /** `ids` are tenant A's (east-china-al) plant and equipment. */
  badInputs(ids: { plant: string; equipment: string }): TSweepBadInput[];
}
