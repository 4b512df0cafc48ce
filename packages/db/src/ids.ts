import { createHash } from 'node:crypto';

/**
 * Namespace of tenant ids. Fixed forever: changing it would change every tenant's id.
 * (A random v4 drawn once for Ingot.)
 */
export const TENANT_ID_NAMESPACE = 'fc65ddd8-c97d-41f8-8ae6-f4703566743c';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 9562 UUID version 5: SHA-1 of the namespace's 16 bytes followed by the name's UTF-8 bytes. */
export function uuidV5(namespace: string, name: string): string {
  if (!UUID_RE.test(namespace)) throw new TypeError(`uuidV5: namespace must be a UUID, got "${namespace}"`);
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of the tenant with this slug. Deterministic, so provisioning the same slug twice (a retried workflow,
 * a re-run seed) lands on the same row. Slugs never change (they name workflow ids), so neither do ids.
 */
export function tenantIdForSlug(slug: string): string {
  return uuidV5(TENANT_ID_NAMESPACE, slug);
}

/**
 * A stable id for a business key within a namespace UUID, typically the tenant id:
 * `deterministicId(tenantId, 'plant:HR-1')`. Idempotent inserts use it as the primary key.
 */
export function deterministicId(namespace: string, key: string): string {
  return uuidV5(namespace, key);
}
