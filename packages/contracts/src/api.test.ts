import { describe, expect, it } from 'vitest';
import { ZCreateEquipmentInput, ZCreatePlantInput, ZProvisionTenantRequest } from './api.ts';
import { provisionTenantWorkflowId } from './workflows.ts';

describe('API input shapes', () => {
  it('names the field that is wrong', () => {
    const r = ZCreatePlantInput.safeParse({ code: 'bad code!', name: '', timezone: 'Mars/Olympus' });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['code', 'name', 'timezone']);
  });

  it('defaults a plant to Asia/Shanghai and China', () => {
    const r = ZCreatePlantInput.parse({ code: 'RP', name: '轧制厂' });
    expect(r.timezone).toBe('Asia/Shanghai');
    expect(r.address.country).toBe('CN');
  });

  it('accepts only known equipment classes and scalar attributes', () => {
    const base = { workCenterId: '0b5a4d0e-8f4f-4a53-9a43-5c0f2f9b1d11', code: 'CM-1', name: '1#冷轧机' };
    expect(
      ZCreateEquipmentInput.safeParse({ ...base, class: 'cold_mill', attributes: { maxWidthMm: 1850 } })
        .success,
    ).toBe(true);
    expect(ZCreateEquipmentInput.safeParse({ ...base, class: 'toaster' }).success).toBe(false);
    expect(
      ZCreateEquipmentInput.safeParse({ ...base, class: 'cold_mill', attributes: { a: { nested: 1 } } })
        .success,
    ).toBe(false);
  });

  it('refuses slugs that cannot name a workflow', () => {
    const good = {
      slug: 'east-china-al',
      name: '华东铝业',
      firstPlant: { code: 'RP', name: 'Rolling' },
      admin: { email: 'a@b.cn', displayName: 'A' },
    };
    expect(ZProvisionTenantRequest.safeParse(good).success).toBe(true);
    expect(ZProvisionTenantRequest.safeParse({ ...good, slug: 'East China' }).success).toBe(false);
    expect(provisionTenantWorkflowId('east-china-al')).toBe('platform:provision-tenant:east-china-al');
  });
});
