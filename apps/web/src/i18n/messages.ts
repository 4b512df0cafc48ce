import type { TLocale } from '@ingot/contracts';
import { messagesEn } from './messages.en.ts';
import { messagesZhCN, type TMessageKey, type TMessages } from './messages.zh-CN.ts';

export type { TMessageKey, TMessages };

export const MESSAGES: Record<TLocale, TMessages> = { 'zh-CN': messagesZhCN, en: messagesEn };

export type TTranslate = (key: TMessageKey, vars?: Record<string, string | number>) => string;

/** A translate function for one locale; `{name}` placeholders are filled from `vars`. */
export function createTranslator(locale: TLocale): TTranslate {
  const messages = MESSAGES[locale];
  return (key, vars) => {
    const text = messages[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}
