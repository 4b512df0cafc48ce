'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { FormError } from '../../components/form-error.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { issueText } from './connector-format.ts';
import styles from './connectors.module.css';
import type { TConnector } from './connectors-view.tsx';

const CHECK_DELAY_MS = 400;

/** The value, once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return settled;
}

/**
 * The connector's pushable configuration (YAML: `batching`, `sources`), checked as one types by
 * `connector.validateConfig` (issues with key path and line) and saved with `connector.updateConfig`.
 */
export function ConfigEditor({
  connector,
  canManage,
  onClose,
  onSaved,
}: {
  connector: TConnector;
  canManage: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const id = useId();
  const [text, setText] = useState(connector.config);
  /** The text last saved from this editor (the list refetches the connector a moment later). */
  const [savedText, setSavedText] = useState<string | null>(null);
  const settled = useSettled(text, CHECK_DELAY_MS);
  const check = useQuery(trpc.connector.validateConfig.queryOptions({ config: settled }));
  const save = useMutation(
    trpc.connector.updateConfig.mutationOptions({
      onSuccess: (_out, vars) => {
        setSavedText(vars.config);
        onSaved();
      },
    }),
  );
  const checking = settled !== text || check.isFetching;
  const issues = check.data && !check.data.ok ? check.data.issues : [];
  const dirty = text !== (savedText ?? connector.config);

  return (
    <section className="card card-pad" aria-labelledby={`${id}-title`} data-testid="connector-editor">
      <div className={styles.editorHead}>
        <h2 id={`${id}-title`}>{t('connectors.configTitle', { code: connector.code })}</h2>
        <span className="muted">{t('connectors.configVersionIs', { version: connector.configVersion })}</span>
      </div>
      <p className="muted">{t('connectors.configHint')}</p>
      <label htmlFor={`${id}-yaml`} className="visually-hidden">
        {t('connectors.configLabel')}
      </label>
      <textarea
        id={`${id}-yaml`}
        className={styles.editor}
        value={text}
        readOnly={!canManage}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
        }}
        aria-invalid={issues.length > 0}
        aria-describedby={`${id}-issues`}
        data-testid="connector-yaml"
      />
      <div id={`${id}-issues`} aria-live="polite">
        {checking ? <p className="muted">{t('connectors.checking')}</p> : null}
        {!checking && check.data?.ok ? (
          <p className="notice notice--ok" data-testid="config-valid">
            {t('connectors.configValid')}
          </p>
        ) : null}
        {!checking && issues.length > 0 ? (
          <ul className={`notice notice--error ${styles.issues}`} data-testid="config-issues">
            {issues.map((i) => (
              <li key={`${i.path}:${i.line}:${i.message}`}>{issueText(i, t('connectors.line'))}</li>
            ))}
          </ul>
        ) : null}
        {check.error ? <FormError message={apiError(check.error).formError} /> : null}
      </div>
      <FormError message={save.error ? apiError(save.error).formError : null} />
      {savedText !== null && !dirty ? (
        <p className="notice notice--ok" data-testid="config-saved">
          {t('connectors.configSaved')}
        </p>
      ) : null}
      <div className={styles.actions}>
        {canManage ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={!dirty || checking || issues.length > 0 || save.isPending}
            onClick={() => save.mutate({ id: connector.id, config: text })}
            data-testid="config-save"
          >
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        ) : null}
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </section>
  );
}
