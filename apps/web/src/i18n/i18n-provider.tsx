'use client';

import type { TLocale } from '@ingot/contracts';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { createTranslator, type TTranslate } from './messages.ts';

interface TI18n {
  locale: TLocale;
  t: TTranslate;
}

const I18nContext = createContext<TI18n>({ locale: 'zh-CN', t: createTranslator('zh-CN') });

export function I18nProvider({ locale, children }: { locale: TLocale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: createTranslator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): TI18n {
  return useContext(I18nContext);
}
