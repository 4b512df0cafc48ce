import { describe, expect, it } from 'vitest';
import { deterministicId, TENANT_ID_NAMESPACE, tenantIdForSlug, uuidV5 } from './ids.ts';

describe('uuidV5', () => {
  it('matches the RFC 9562 / Python uuid5 reference vectors', () => {
    const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    const URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
    expect(uuidV5(DNS, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5(URL, 'http://python.org/')).toBe('4c565f0d-3f5a-5890-b41b-20cf47701c5e');
  });

  it('hashes names as UTF-8', () => {
    const id = uuidV5(TENANT_ID_NAMESPACE, '华东铝业');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).not.toBe(uuidV5(TENANT_ID_NAMESPACE, '华东铜业'));
  });

  it('accepts upper-case namespaces and rejects non-UUIDs', () => {
    expect(uuidV5(TENANT_ID_NAMESPACE.toUpperCase(), 'x')).toBe(uuidV5(TENANT_ID_NAMESPACE, 'x'));
    expect(() => uuidV5('acme', 'x')).toThrow(/namespace must be a UUID/);
  });
});

describe('tenantIdForSlug / deterministicId', () => {
  it('is stable across calls and processes (pinned value)', () => {
    expect(tenantIdForSlug('acme')).toBe(tenantIdForSlug('acme'));
    // Pinned: a change here re-keys every tenant in every deployed database.
    // (Cross-checked with Python's uuid.uuid5.)
    expect(tenantIdForSlug('east-china-al')).toBe('5b4ee86e-d7bd-5577-ae49-541a4124448a');
  });

  it('scopes keys by namespace', () => {
    const a = tenantIdForSlug('a-tenant');
    const b = tenantIdForSlug('b-tenant');
    expect(deterministicId(a, 'plant:HR-1')).not.toBe(deterministicId(b, 'plant:HR-1'));
    expect(deterministicId(a, 'plant:HR-1')).toBe(deterministicId(a, 'plant:HR-1'));
  });
});
