'use client';

import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { describeApiError, type TApiErrorView } from './describe-api-error.ts';

/** describeApiError in the user's language. */
export function useApiError(): (error: unknown) => TApiErrorView {
  const { t, locale } = useI18n();
  return useCallback(
    (error: unknown) => describeApiError(error, t('common.unexpectedError'), { t, locale }),
    [t, locale],
  );
}
