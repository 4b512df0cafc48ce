'use client';

import { useI18n } from '../i18n/i18n-provider.tsx';
import { FormError } from './form-error.tsx';
import { Modal } from './modal.tsx';

interface TConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" for destructive actions; shows the server's refusal (e.g. children still exist) in place. */
export function ConfirmDialog(props: TConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <Modal open={props.open} title={props.title} onClose={props.onClose} testId="confirm-dialog">
      <div className="form">
        <p style={{ margin: 0 }}>{props.body}</p>
        <FormError message={props.error} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-danger-solid"
            onClick={props.onConfirm}
            disabled={props.pending}
            data-testid="confirm-delete"
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </Modal>
  );
}
