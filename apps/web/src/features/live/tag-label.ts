import { telemetryZhCN } from '../../i18n/features/telemetry.ts';
import type { TMessageKey, TTranslate } from '../../i18n/messages.ts';

/** A tag's name in the user's language when the portal knows it (simulator and common tags), else the tag itself. */
export function tagLabel(t: TTranslate, tag: string): string {
  const key = `telemetry.tag.${tag}`;
  return key in telemetryZhCN ? t(key as TMessageKey) : tag;
}
