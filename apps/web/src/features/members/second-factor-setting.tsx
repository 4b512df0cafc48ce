'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormError } from '../../components/form-error.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { apiErrorMessage } from '../../trpc/describe-api-error.ts';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';

/**
 * The tenant's sign-in rule: a second factor for every member (MLPS level 3), not only administrators. Keycloak
 * enforces it at the next sign-in; the embedded development issuer has no second factor, so there it is only stored.
 */
export function SecondFactorSetting() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tenant = useQuery(trpc.tenant.get.queryOptions());
  const apiError = useApiError();
  const update = useMutation(
    trpc.tenant.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.tenant.pathKey() });
      },
    }),
  );
  const required = tenant.data?.requireSecondFactor ?? false;
  return (
    <section
      className="card card-pad"
      aria-labelledby="second-factor-title"
      data-testid="second-factor-setting"
    >
      <h2 id="second-factor-title">{t('members.secondFactor.title')}</h2>
      <p className="muted">{t('members.secondFactor.help')}</p>
      <label>
        <input
          type="checkbox"
          checked={required}
          disabled={tenant.isLoading || update.isPending}
          onChange={(e) => update.mutate({ requireSecondFactor: e.target.checked })}
          data-testid="second-factor-toggle"
        />
        <span>{t('members.secondFactor.label')}</span>
      </label>
      <p aria-live="polite" className="muted">
        {required ? t('members.secondFactor.on') : t('members.secondFactor.off')}
      </p>
      <FormError message={apiErrorMessage(apiError(update.error))} />
    </section>
  );
}
