import type { TProductFamily } from '@ingot/contracts';
import type { TTranslate } from '../../i18n/messages.ts';

export interface TSpecLike {
  code: string;
  productFamily: TProductFamily;
  alloy?: { code: string };
  temper?: { code: string };
  alloyCode?: string;
  temperCode?: string;
  thicknessMm: number;
  widthMm: number | null;
  lengthMm?: number | null;
}

/** How a person recognises a spec: "SP-001 · 带卷 3003-H14 1.2 × 1250" (thickness × width × length, mm). */
export function specLabel(s: TSpecLike, t: TTranslate): string {
  const alloy = s.alloy?.code ?? s.alloyCode ?? '';
  const temper = s.temper?.code ?? s.temperCode ?? '';
  const dims = [s.thicknessMm, s.widthMm, s.lengthMm]
    .filter((v): v is number => typeof v === 'number')
    .join(' × ');
  return `${s.code} · ${t(`productFamily.${s.productFamily}`)} ${alloy}${temper ? `-${temper}` : ''} ${dims}`.trim();
}
