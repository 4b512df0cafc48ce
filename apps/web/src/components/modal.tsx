'use client';

import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/i18n-provider.tsx';

interface TModalProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

/**
 * A modal on the native <dialog>: showModal() makes the rest of the page inert (focus stays inside), Escape
 * closes it, and closing returns focus to the element that opened it.
 */
export function Modal({ open, title, onClose, children, testId }: TModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const { t } = useI18n();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={() => {
        onClose();
        const back = opener.current;
        if (back instanceof HTMLElement && back.isConnected) back.focus();
      }}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <div className="modal__head">
            <h2 id={titleId}>{title}</h2>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={onClose}
              aria-label={t('common.close')}
            >
              ✕
            </button>
          </div>
          <div className="modal__body">{children}</div>
        </>
      ) : null}
    </dialog>
  );
}
