import { createHash } from 'node:crypto';

/** Runs one SQL statement on a connection that may read every audit row (the owner role) and returns the rows. */
export type TOwnerQuery = <R>(sql: string, params?: unknown[]) => Promise<R[]>;

export const GENESIS_HASH = '0'.repeat(64);

/** One audit row as the canonical form sees it: every field as the database renders it to text. */
export interface TAuditRowText {
  id: string;
  seq: string;
  tenant_id: string;
  at: string;
  actor_user_id: string | null;
  actor_email: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  outcome: string;
  request_id: string | null;
  source_ip: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

const field = (v: string | null) => (v === null ? '-' : `+${Buffer.byteLength(v, 'utf8')}:${v}`);

/**
 * The hash of an audit row, recomputed here independently of the database's `app_audit_hash` (same canonical
 * form: length-prefixed fields in a fixed order, over `prev_hash`; see the audit_chain migration).
 */
export function auditRowHash(row: Omit<TAuditRowText, 'hash'>): string {
  const canonical = [
    row.prev_hash,
    row.tenant_id,
    row.seq,
    row.id,
    row.at,
    row.actor_user_id,
    row.actor_email,
    row.action,
    row.target_type,
    row.target_id,
    row.outcome,
    row.request_id,
    row.source_ip,
    row.details,
  ]
    .map(field)
    .join('');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export type TAuditProblem =
  | { kind: 'altered'; seq: string; id: string; detail: string }
  | { kind: 'missing'; seq: string; detail: string }
  | { kind: 'relinked'; seq: string; id: string; detail: string }
  | { kind: 'head'; seq: string; detail: string };

export interface TAuditVerification {
  tenantId: string;
  ok: boolean;
  /** Rows read and checked. */
  rows: number;
  /** The chain head (last seq and hash) recorded by the database. */
  head: { seq: string; hash: string } | null;
  problems: TAuditProblem[];
}

const SELECT_ROWS = `
  SELECT id::text AS id, seq::text AS seq, tenant_id::text AS tenant_id,
         to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
         actor_user_id::text AS actor_user_id, actor_email, action, target_type, target_id, outcome,
         request_id, source_ip, details::text AS details, prev_hash, hash
    FROM audit_event e WHERE e.tenant_id = $1::uuid ORDER BY e.seq`;

/**
 * Verifies one tenant's audit chain: every row's hash recomputed from its fields (an altered row), each row's
 * prev_hash equal to the previous row's hash and seq without gaps from 1 (a missing row), and the newest row
 * equal to the chain head (rows missing at the end). Each problem names the row (seq, id).
 *
 * Reads through `query` (the owner role; it sets `app.tenant_id` for its session while reading, so a
 * non-superuser owner, bound by FORCEd row-level security, sees the tenant's rows, and resets it afterwards).
 */
export async function verifyAuditChain(query: TOwnerQuery, tenantId: string): Promise<TAuditVerification> {
  await query(`SELECT set_config('app.tenant_id', $1, false)`, [tenantId]);
  let rows: TAuditRowText[];
  let heads: Array<{ seq: string; hash: string }>;
  try {
    rows = await query<TAuditRowText>(SELECT_ROWS, [tenantId]);
    heads = await query<{ seq: string; hash: string }>(
      'SELECT seq::text AS seq, hash FROM audit_chain_head WHERE tenant_id = $1::uuid',
      [tenantId],
    );
  } finally {
    await query(`SELECT set_config('app.tenant_id', '', false)`);
  }
  const head = heads[0] ?? null;
  const problems: TAuditProblem[] = [];
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    const seq = BigInt(row.seq);
    if (seq > expectedSeq) {
      const last = seq - 1n;
      problems.push({
        kind: 'missing',
        seq: expectedSeq === last ? `${expectedSeq}` : `${expectedSeq}-${last}`,
        detail: `row${expectedSeq === last ? '' : 's'} seq ${expectedSeq === last ? expectedSeq : `${expectedSeq}..${last}`} missing before seq ${seq} (id ${row.id})`,
      });
    }
    const recomputed = auditRowHash(row);
    if (recomputed !== row.hash) {
      problems.push({
        kind: 'altered',
        seq: row.seq,
        id: row.id,
        detail: `row seq ${row.seq} (id ${row.id}, ${row.action}) was altered: its fields no longer hash to its stored hash`,
      });
    }
    if (row.prev_hash !== prevHash && seq === expectedSeq) {
      problems.push({
        kind: 'relinked',
        seq: row.seq,
        id: row.id,
        detail: `row seq ${row.seq} (id ${row.id}) does not link to the row before it (prev_hash differs)`,
      });
    }
    prevHash = row.hash;
    expectedSeq = seq + 1n;
  }
  if (head) {
    const headSeq = BigInt(head.seq);
    if (headSeq >= expectedSeq) {
      problems.push({
        kind: 'missing',
        seq: headSeq === expectedSeq ? `${expectedSeq}` : `${expectedSeq}-${headSeq}`,
        detail: `row${headSeq === expectedSeq ? '' : 's'} seq ${headSeq === expectedSeq ? headSeq : `${expectedSeq}..${headSeq}`} missing at the end (the chain head is at seq ${headSeq})`,
      });
    } else if (headSeq === expectedSeq - 1n && head.hash !== prevHash) {
      problems.push({
        kind: 'head',
        seq: head.seq,
        detail: `the chain head (seq ${head.seq}) does not match the newest row's hash`,
      });
    } else if (headSeq < expectedSeq - 1n) {
      problems.push({
        kind: 'head',
        seq: head.seq,
        detail: `rows after the chain head (seq ${head.seq}) exist: written around the chain`,
      });
    }
  } else if (rows.length > 0) {
    problems.push({ kind: 'head', seq: '0', detail: 'the tenant has audit rows but no chain head' });
  }
  return { tenantId, ok: problems.length === 0, rows: rows.length, head, problems };
}
