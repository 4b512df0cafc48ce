'use client';

import { SPC_RULES, type TSpcRule } from '@ingot/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import styles from './spc.module.css';
import { ruleKey } from './spc-format.ts';

/** Rename a chart or change the rules it is judged by (allowed in either phase; new rules apply from now on). */
export function SpcChartSettings({
  chart,
  onDone,
  onCancel,
}: {
  chart: { id: string; name: string; rules: readonly TSpcRule[] };
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const [name, setName] = useState(chart.name);
  const [rules, setRules] = useState<TSpcRule[]>([...chart.rules]);
  const update = useMutation(trpc.spc.update.mutationOptions({ onSuccess: onDone }));
  const error = update.error ? apiError(update.error) : null;
  return (
    <form
      className="card card-pad"
      data-testid="spc-settings"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ id: chart.id, name, rules });
      }}
    >
      <div className={styles.form}>
        <label>
          {t('spc.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
        </label>
        <fieldset className={styles.rules}>
          <legend>{t('spc.rules')}</legend>
          {SPC_RULES.map((rule) => (
            <label key={rule} title={t(ruleKey(rule))}>
              <input
                type="checkbox"
                checked={rules.includes(rule)}
                onChange={(e) =>
                  setRules(e.target.checked ? [...rules, rule] : rules.filter((r) => r !== rule))
                }
              />
              {rule}
            </label>
          ))}
        </fieldset>
      </div>
      {error ? (
        <p className="notice notice--error">
          {error.formError ?? Object.values(error.fieldErrors).join('; ')}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {t('spc.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('spc.cancel')}
        </button>
      </div>
    </form>
  );
}
