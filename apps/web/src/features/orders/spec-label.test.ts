import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/messages.ts';
import { specLabel } from './spec-label.ts';

describe('specLabel', () => {
  it('names family, alloy-temper and dimensions in the user’s language', () => {
    const spec = {
      code: 'SP-3003',
      productFamily: 'strip_coil' as const,
      alloy: { code: '3003' },
      temper: { code: 'H14' },
      thicknessMm: 1.2,
      widthMm: 1250,
      lengthMm: null,
    };
    expect(specLabel(spec, createTranslator('zh-CN'))).toBe('SP-3003 · 带卷 3003-H14 1.2 × 1250');
    expect(specLabel({ ...spec, productFamily: 'sheet', lengthMm: 2500 }, createTranslator('en'))).toBe(
      'SP-3003 · Sheet 3003-H14 1.2 × 1250 × 2500',
    );
    expect(
      specLabel(
        { code: 'X', productFamily: 'rod_wire', alloyCode: 'C11000', thicknessMm: 8, widthMm: null },
        createTranslator('en'),
      ),
    ).toBe('X · Rod and wire C11000 8');
  });
});
