'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { SHELVE_DURATIONS } from './alarm-format.ts';

/** Refetches every alarm query (lists and details) after an operator action. */
export function useRefreshAlarms() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.alarm.pathKey() });
}

/** Shelve an alarm for a chosen time with a reason (both required). */
export function ShelveDialog({ alarmId, onClose }: { alarmId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const refresh = useRefreshAlarms();
  const [reasonMissing, setReasonMissing] = useState(false);
  const shelve = useMutation(
    trpc.alarm.shelve.mutationOptions({
      onSuccess: () => {
        void refresh();
        onClose();
      },
    }),
  );
  const errors = apiError(shelve.error);
  const onSubmit = (f: FormData) => {
    const reason = String(f.get('reason') ?? '').trim();
    setReasonMissing(!reason);
    if (!reason || !alarmId) return;
    shelve.mutate({ id: alarmId, minutes: Number(f.get('minutes')), reason });
  };
  return (
    <Modal
      open={alarmId !== null}
      title={t('alarms.shelveTitle')}
      onClose={onClose}
      testId="alarm-shelve-dialog"
    >
      <FormFrame
        formError={errors.formError}
        pending={shelve.isPending}
        onSubmit={onSubmit}
        onCancel={onClose}
        submitLabel={t('alarms.shelve')}
        submitTestId="alarm-shelve-submit"
      >
        <Field label={t('alarms.shelveFor')} error={errors.fieldErrors.minutes}>
          <select name="minutes" defaultValue="60" data-testid="alarm-shelve-minutes">
            {SHELVE_DURATIONS.map((m) => (
              <option key={m} value={m}>
                {m < 60 ? t('alarms.minutes', { n: m }) : t('alarms.hours', { n: m / 60 })}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('alarms.shelveReason')}
          error={reasonMissing ? t('alarms.form.required') : errors.fieldErrors.reason}
          testId="alarm-shelve-reason"
        >
          <textarea name="reason" rows={3} maxLength={1000} data-testid="alarm-shelve-reason" />
        </Field>
      </FormFrame>
    </Modal>
  );
}

/** Add a note to an alarm's history. */
export function CommentDialog({ alarmId, onClose }: { alarmId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const refresh = useRefreshAlarms();
  const [missing, setMissing] = useState(false);
  const comment = useMutation(
    trpc.alarm.comment.mutationOptions({
      onSuccess: () => {
        void refresh();
        onClose();
      },
    }),
  );
  const errors = apiError(comment.error);
  const onSubmit = (f: FormData) => {
    const text = String(f.get('text') ?? '').trim();
    setMissing(!text);
    if (!text || !alarmId) return;
    comment.mutate({ id: alarmId, text });
  };
  return (
    <Modal
      open={alarmId !== null}
      title={t('alarms.commentTitle')}
      onClose={onClose}
      testId="alarm-comment-dialog"
    >
      <FormFrame
        formError={errors.formError}
        pending={comment.isPending}
        onSubmit={onSubmit}
        onCancel={onClose}
        submitLabel={t('alarms.comment')}
        submitTestId="alarm-comment-submit"
      >
        <Field
          label={t('alarms.commentText')}
          error={missing ? t('alarms.form.required') : errors.fieldErrors.text}
          testId="alarm-comment-text"
        >
          <textarea name="text" rows={4} maxLength={1000} data-testid="alarm-comment-text" />
        </Field>
      </FormFrame>
    </Modal>
  );
}
