import { afterEach, describe, expect, it, vi } from 'vitest';
import { __unsafeDisableTenantFilterForTests, tenantFilter } from './tenant-filter.ts';

describe('the tenant filter', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    __unsafeDisableTenantFilterForTests(false);
  });

  it('puts the tenant into every where', () => {
    expect(tenantFilter({ tenantId: 't-1' })).toEqual({ tenantId: 't-1' });
  });

  it('can be switched off only under NODE_ENV=test', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(() => __unsafeDisableTenantFilterForTests(true)).toThrow(/NODE_ENV=test/);
    expect(tenantFilter({ tenantId: 't-1' })).toEqual({ tenantId: 't-1' });
  });

  it('refuses to run switched off outside tests instead of leaking', () => {
    __unsafeDisableTenantFilterForTests(true);
    expect(tenantFilter({ tenantId: 't-1' })).toEqual({});
    vi.stubEnv('NODE_ENV', 'development');
    expect(() => tenantFilter({ tenantId: 't-1' })).toThrow(/outside tests/);
  });
});
