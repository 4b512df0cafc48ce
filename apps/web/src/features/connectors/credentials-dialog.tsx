'use client';

import { useState } from 'react';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { TRouterOutputs } from '../../trpc/types.ts';
import styles from './connectors.module.css';

type TIssued = TRouterOutputs['connector']['issueCredentials'];

/** The connector's new password, shown this once (only its hash is stored), with copy buttons. */
export function CredentialsDialog({ issued, onClose }: { issued: TIssued | null; onClose: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied(null);
    }
  };
  return (
    <Modal
      open={issued !== null}
      title={t('connectors.credentialsTitle', { code: issued?.connector.code ?? '' })}
      onClose={() => {
        setCopied(null);
        onClose();
      }}
      testId="connector-credentials"
    >
      <p className="notice notice--warn" role="alert">
        {t('connectors.credentialsWarning')}
      </p>
      <div className={styles.secret}>
        <span>{t('connectors.username')}</span>
        <code data-testid="credentials-username">{issued?.username}</code>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => void copy('username', issued?.username ?? '')}
        >
          {copied === 'username' ? t('connectors.copied') : t('connectors.copy')}
        </button>
        <span>{t('connectors.password')}</span>
        <code data-testid="credentials-password">{issued?.password}</code>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => void copy('password', issued?.password ?? '')}
          data-testid="credentials-copy"
        >
          {copied === 'password' ? t('connectors.copied') : t('connectors.copy')}
        </button>
      </div>
      <p className="muted">{t('connectors.credentialsHint')}</p>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => {
          setCopied(null);
          onClose();
        }}
        data-testid="credentials-done"
      >
        {t('connectors.credentialsDone')}
      </button>
    </Modal>
  );
}
