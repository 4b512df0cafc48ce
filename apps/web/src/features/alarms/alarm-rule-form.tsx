'use client';

import {
  ALARM_RULE_KINDS,
  ALARM_SEVERITIES,
  type TAlarmRuleKind,
  type TAlarmSeverity,
} from '@ingot/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import type { TRouterOutputs } from '../../trpc/types.ts';
import { useApiError } from '../../trpc/use-api-error.ts';
import { checkRuleForm, type TRuleFormProblems, type TRuleFormValues } from './alarm-rule-form-check.ts';
import styles from './alarms.module.css';
import { usePlantNames } from './use-plant-names.ts';

export type TAlarmRule = TRouterOutputs['alarm']['rule']['list'][number];

/** States the simulator and connectors report; a rule may name others the equipment uses. */
const KNOWN_STATES = ['fault', 'idle', 'running', 'maintenance', 'setup'] as const;

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const numOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

/** Create or edit a rule; the fields shown follow the kind, and problems are named next to their field. */
export function AlarmRuleForm({
  rule,
  onDone,
  onCancel,
}: {
  rule: TAlarmRule | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const { plants } = usePlantNames();
  const [chosenPlant, setPlantId] = useState(rule?.plantId ?? '');
  // The plants may arrive after the form opened: until one is chosen, the first is the one shown and sent.
  const plantId = chosenPlant || plants[0]?.id || '';
  const [severity, setSeverity] = useState<TAlarmSeverity>(rule?.severity ?? 'medium');
  const [message, setMessage] = useState(rule?.message ?? '');
  const [v, setV] = useState<TRuleFormValues>({
    name: rule?.name ?? '',
    equipment: rule?.equipment ?? '',
    tag: rule?.tag ?? '',
    kind: rule?.kind ?? 'high',
    threshold: str(rule?.threshold),
    deadband: str(rule?.deadband ?? 0),
    ratePerMinute: str(rule?.ratePerMinute),
    staleAfterSeconds: str(rule?.staleAfterSeconds),
    triggerStates: rule?.triggerStates ?? [],
    onDelaySeconds: str(rule?.onDelaySeconds ?? 0),
  });
  const [problems, setProblems] = useState<TRuleFormProblems>({});
  const create = useMutation(trpc.alarm.rule.create.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.alarm.rule.update.mutationOptions({ onSuccess: onDone }));
  const save = rule ? update : create;
  const server = apiError(save.error);
  const set = <K extends keyof TRuleFormValues>(key: K, value: TRuleFormValues[K]) =>
    setV((prev) => ({ ...prev, [key]: value }));
  const errorOf = (key: keyof TRuleFormValues) =>
    problems[key] ? t(`alarms.form.${problems[key]}`) : server.fieldErrors[key];

  const onSubmit = () => {
    const found = checkRuleForm(v);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const settings = {
      name: v.name.trim(),
      equipment: v.equipment.trim(),
      tag: v.kind === 'state_change' ? null : v.tag.trim(),
      kind: v.kind,
      threshold: numOrNull(v.threshold),
      deadband: numOrNull(v.deadband) ?? 0,
      ratePerMinute: numOrNull(v.ratePerMinute),
      staleAfterSeconds: numOrNull(v.staleAfterSeconds),
      triggerStates: v.triggerStates,
      onDelaySeconds: numOrNull(v.onDelaySeconds) ?? 0,
      severity,
      message: message.trim(),
      enabled: rule?.enabled ?? true,
    };
    if (rule) update.mutate({ id: rule.id, ...settings });
    else create.mutate({ plantId, ...settings });
  };
  const level = v.kind === 'high' || v.kind === 'low';

  return (
    <FormFrame
      className="card card-pad"
      heading={<h2>{rule ? t('alarms.rules.edit') : t('alarms.rules.create')}</h2>}
      formError={Object.keys(server.fieldErrors).length === 0 ? server.formError : null}
      pending={save.isPending}
      onSubmit={onSubmit}
      onCancel={onCancel}
      testId="alarm-rule-form"
      submitTestId="rule-submit"
    >
      <div className={styles.form}>
        <Field label={t('telemetry.plant')} error={server.fieldErrors.plantId}>
          <select
            value={plantId}
            onChange={(e) => setPlantId(e.target.value)}
            disabled={rule !== null}
            data-testid="rule-plant"
          >
            {plants.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('alarms.rules.name')} error={errorOf('name')} testId="rule-name">
          <input
            type="text"
            value={v.name}
            onChange={(e) => set('name', e.target.value)}
            maxLength={120}
            data-testid="rule-name"
          />
        </Field>
        <Field label={t('alarms.rules.kind')} error={server.fieldErrors.kind}>
          <select
            value={v.kind}
            onChange={(e) => set('kind', e.target.value as TAlarmRuleKind)}
            data-testid="rule-kind"
          >
            {ALARM_RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`alarms.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('alarms.equipment')}
          hint={t('alarms.rules.equipmentHint')}
          error={errorOf('equipment')}
          testId="rule-equipment"
        >
          <input
            type="text"
            value={v.equipment}
            onChange={(e) => set('equipment', e.target.value)}
            maxLength={64}
            data-testid="rule-equipment"
          />
        </Field>
        {v.kind !== 'state_change' ? (
          <Field
            label={t('alarms.tag')}
            hint={t('alarms.rules.tagHint')}
            error={errorOf('tag')}
            testId="rule-tag"
          >
            <input
              type="text"
              value={v.tag}
              onChange={(e) => set('tag', e.target.value)}
              maxLength={128}
              data-testid="rule-tag"
            />
          </Field>
        ) : null}
        {level ? (
          <>
            <Field label={t('alarms.rules.threshold')} error={errorOf('threshold')} testId="rule-threshold">
              <input
                type="text"
                inputMode="decimal"
                value={v.threshold}
                onChange={(e) => set('threshold', e.target.value)}
                data-testid="rule-threshold"
              />
            </Field>
            <Field
              label={t('alarms.rules.deadband')}
              hint={t(`alarms.rules.deadbandHint.${v.kind === 'low' ? 'low' : 'high'}`)}
              error={errorOf('deadband')}
              testId="rule-deadband"
            >
              <input
                type="text"
                inputMode="decimal"
                value={v.deadband}
                onChange={(e) => set('deadband', e.target.value)}
                data-testid="rule-deadband"
              />
            </Field>
          </>
        ) : null}
        {v.kind === 'rate_of_change' ? (
          <>
            <Field
              label={t('alarms.rules.ratePerMinute')}
              error={errorOf('ratePerMinute')}
              testId="rule-rate"
            >
              <input
                type="text"
                inputMode="decimal"
                value={v.ratePerMinute}
                onChange={(e) => set('ratePerMinute', e.target.value)}
                data-testid="rule-rate"
              />
            </Field>
            <Field label={t('alarms.rules.deadband')} error={errorOf('deadband')}>
              <input
                type="text"
                inputMode="decimal"
                value={v.deadband}
                onChange={(e) => set('deadband', e.target.value)}
              />
            </Field>
          </>
        ) : null}
        {v.kind === 'stale' ? (
          <Field
            label={t('alarms.rules.staleAfterSeconds')}
            error={errorOf('staleAfterSeconds')}
            testId="rule-stale"
          >
            <input
              type="text"
              inputMode="numeric"
              value={v.staleAfterSeconds}
              onChange={(e) => set('staleAfterSeconds', e.target.value)}
              data-testid="rule-stale"
            />
          </Field>
        ) : (
          <Field
            label={t('alarms.rules.onDelaySeconds')}
            hint={t('alarms.rules.onDelayHint')}
            error={errorOf('onDelaySeconds')}
            testId="rule-delay"
          >
            <input
              type="text"
              inputMode="numeric"
              value={v.onDelaySeconds}
              onChange={(e) => set('onDelaySeconds', e.target.value)}
              data-testid="rule-delay"
            />
          </Field>
        )}
        <Field label={t('alarms.severity')} error={server.fieldErrors.severity}>
          <select
            value={severity}
            onChange={(e) => setSeverity(e.target.value as TAlarmSeverity)}
            data-testid="rule-severity"
          >
            {ALARM_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`alarms.severity.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        {v.kind === 'state_change' ? (
          <fieldset className={styles.formWide} data-testid="rule-states">
            <legend>{t('alarms.rules.triggerStates')}</legend>
            <div className={styles.checks}>
              {KNOWN_STATES.map((s) => (
                <label key={s}>
                  <input
                    type="checkbox"
                    checked={v.triggerStates.includes(s)}
                    onChange={(e) =>
                      set(
                        'triggerStates',
                        e.target.checked ? [...v.triggerStates, s] : v.triggerStates.filter((x) => x !== s),
                      )
                    }
                    data-testid={`rule-state-${s}`}
                  />{' '}
                  {t(`alarms.equipmentState.${s}`)}
                </label>
              ))}
            </div>
            {errorOf('triggerStates') ? (
              <p className="field-error" role="alert" data-testid="rule-states-error">
                {errorOf('triggerStates')}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <div className={styles.formWide}>
          <Field
            label={t('alarms.message')}
            hint={t('alarms.rules.messageHint')}
            error={server.fieldErrors.message}
          >
            <input
              type="text"
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              maxLength={500}
              data-testid="rule-message"
            />
          </Field>
        </div>
      </div>
    </FormFrame>
  );
}
