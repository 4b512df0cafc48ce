import { describe, expect, it } from 'vitest';
import { createTranslator, MESSAGES } from './messages.ts';

describe('portal messages', () => {
  it('has the same keys in every language', () => {
    const zh = Object.keys(MESSAGES['zh-CN']).sort();
    const en = Object.keys(MESSAGES.en).sort();
    expect(en).toEqual(zh);
  });

  it('has no empty string and the same placeholders in every language', () => {
    for (const key of Object.keys(MESSAGES['zh-CN']) as (keyof (typeof MESSAGES)['zh-CN'])[]) {
      const zh = MESSAGES['zh-CN'][key];
      const en = MESSAGES.en[key];
      expect(zh.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(en), key).toEqual(vars(zh));
    }
  });

  it('fills placeholders', () => {
    expect(createTranslator('en')('common.deleteConfirmBody', { name: 'CM-1' })).toBe(
      'Delete “CM-1”? This cannot be undone.',
    );
    expect(createTranslator('zh-CN')('members.removeConfirm', { name: '李强' })).toContain('李强');
  });
});
