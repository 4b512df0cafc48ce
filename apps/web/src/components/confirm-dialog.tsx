'use client';

import { FormFrame } from './form-frame.tsx';
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
  return (
    <Modal open={props.open} title={props.title} onClose={props.onClose} testId="confirm-dialog">
      <FormFrame
        heading={<p style={{ margin: 0 }}>{props.body}</p>}
        formError={props.error}
        pending={props.pending}
        onSubmit={() => props.onConfirm()}
        onCancel={props.onClose}
        submitLabel={props.confirmLabel}
        tone="danger"
        submitTestId="confirm-delete"
      />
    </Modal>
  );
}
