/**
 * Platform operations: only platform administrators reach them; provisioning starts the workflow through the
 * injected client function (with who asked), and reports when no workflow server is configured.
 */
import type { TProvisionTenantInput } from '@ingot/contracts';
import { tenantIdForSlug } from '@ingot/db';
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, expect, it } from 'vitest';
import { callerFor, EAST, EAST_ADMIN, JIANGNAN, PLATFORM_ADMIN } from './test-support/demo-callers.ts';

const request = {
  slug: 'shandong-foil',
  name: '山东铝箔',
  firstPlant: { code: 'FP', name: '铝箔厂' },
  admin: { email: 'admin@shandong-foil.cn', displayName: '张伟' },
};

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

describeEachDatabase('platform', (t) => {
  let platformUserId: string;
  beforeAll(async () => {
    platformUserId = (await seedDemoTenant(t.db)).platformAdminUserId;
  });

  it('is closed to tenant administrators', async () => {
    const admin = callerFor(t.db, EAST_ADMIN, EAST, {
      startProvisionTenant: async () => {
        throw new Error('must not be called');
      },
    });
    expect(await codeOf(admin.platform.tenant.list())).toBe('FORBIDDEN');
    expect(await codeOf(admin.platform.tenant.provision(request))).toBe('FORBIDDEN');
    expect(await codeOf(admin.platform.tenant.provisionStatus({ slug: JIANGNAN }))).toBe('FORBIDDEN');
  });

  it('starts provisionTenant with the request, defaults applied and who asked', async () => {
    const started: TProvisionTenantInput[] = [];
    const platform = callerFor(t.db, PLATFORM_ADMIN, null, {
      startProvisionTenant: async (input) => {
        started.push(input);
        return { workflowId: `platform:provision-tenant:${input.slug}`, runId: 'run-1' };
      },
      getProvisionTenantStatus: async (slug) => ({
        status: 'running',
        workflowId: `platform:provision-tenant:${slug}`,
        runId: 'run-1',
        startedAt: new Date(0),
      }),
    });
    const result = await platform.platform.tenant.provision(request);
    expect(result).toEqual({
      workflowId: 'platform:provision-tenant:shandong-foil',
      runId: 'run-1',
      slug: 'shandong-foil',
      tenantId: tenantIdForSlug('shandong-foil'),
    });
    expect(started).toEqual([
      {
        ...request,
        kind: 'company',
        defaultLocale: 'zh-CN',
        firstPlant: { ...request.firstPlant, timezone: 'Asia/Shanghai' },
        requestedBy: platformUserId,
      },
    ]);
    expect((await platform.platform.tenant.provisionStatus({ slug: 'shandong-foil' })).status).toBe(
      'running',
    );
  });

  it('says provisioning is unavailable without a workflow server', async () => {
    const platform = callerFor(t.db, PLATFORM_ADMIN, null);
    expect(await codeOf(platform.platform.tenant.provision(request))).toBe('PRECONDITION_FAILED');
    expect(await codeOf(platform.platform.tenant.provisionStatus({ slug: 'x-y-z' }))).toBe(
      'PRECONDITION_FAILED',
    );
  });

  it('lists every tenant for a platform administrator', async () => {
    const platform = callerFor(t.db, PLATFORM_ADMIN, null);
    const tenants = await platform.platform.tenant.list();
    // The demo's two plants' tenants and the customer organisation of the partner portal (suzhou-can).
    expect(tenants.map((x) => x.slug)).toEqual([EAST, JIANGNAN, 'suzhou-can']);
    expect(tenants.find((x) => x.slug === EAST)).toMatchObject({
      name: '华东铝业',
      kind: 'group',
      status: 'active',
    });
  });
});
