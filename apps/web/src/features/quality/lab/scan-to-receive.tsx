'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Field } from '../../../components/field.tsx';
import { useI18n } from '../../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../../trpc/react.tsx';
import { useApiError } from '../../../trpc/use-api-error.ts';

/**
 * Receipt by scanning: a barcode scanner types the sample no. from the label's QR code and presses Enter, which
 * submits; the box clears and keeps the focus for the next label.
 */
export function ScanToReceive() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apiError = useApiError();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const receive = useMutation(
    trpc.lab.receive.mutationOptions({
      onSuccess: (out) => {
        setMessage(t('lab.scanOk', { sampleNo: out.sampleNo, requestNo: out.requestNo }));
        void queryClient.invalidateQueries({ queryKey: trpc.lab.pathKey() });
      },
    }),
  );
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const sampleNo = input.current?.value.trim() ?? '';
    if (!sampleNo) return;
    setMessage(null);
    receive.mutate({ sampleNo });
    if (input.current) input.current.value = '';
    input.current?.focus();
  };
  const error = receive.error ? apiError(receive.error) : null;
  return (
    <form className="card card-pad" onSubmit={onSubmit} data-testid="scan-form">
      <Field
        label={t('lab.scan')}
        hint={t('lab.scanHint')}
        error={error?.fieldErrors.sampleNo ?? error?.formError ?? undefined}
      >
        <input ref={input} name="sampleNo" autoComplete="off" spellCheck={false} data-testid="scan-input" />
      </Field>
      {message ? (
        <output className="notice" data-testid="scan-ok">
          {message}
        </output>
      ) : null}
    </form>
  );
}
