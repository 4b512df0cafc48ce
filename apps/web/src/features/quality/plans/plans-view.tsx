'use client';

import {
  CHARACTERISTIC_CODES,
  CHARACTERISTIC_UNITS,
  LIMIT_SOURCES,
  limitSourceCovers,
  PRODUCT_FAMILIES,
  SAMPLING_FREQUENCIES,
  type TCharacteristicCode,
  type TCharacteristicInput,
  type TProductFamily,
} from '@ingot/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/field.tsx';
import { useI18n } from '../../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../../trpc/react.tsx';
import { useApiError } from '../../../trpc/use-api-error.ts';
import { useAccess } from '../../use-access.ts';
import { formatLimits } from '../lab/lab-format.ts';
import styles from './plans.module.css';

interface TDraftRow {
  code: TCharacteristicCode;
  element: string;
  lower: string;
  upper: string;
  limitSource: string;
  method: string;
  samplesPerLot: string;
  frequency: (typeof SAMPLING_FREQUENCIES)[number];
  frequencyN: string;
}

interface TDraft {
  id: string | null;
  code: string;
  name: string;
  productSpecId: string;
  productFamily: TProductFamily | '';
  alloyId: string;
  operationCode: string;
  rows: TDraftRow[];
}

const emptyRow = (): TDraftRow => ({
  code: 'thickness',
  element: '',
  lower: '',
  upper: '',
  limitSource: 'spec',
  method: '',
  samplesPerLot: '1',
  frequency: 'every_lot',
  frequencyN: '',
});

const num = (s: string): number | null => (s.trim() === '' ? null : Number(s.replace(',', '.')));

function toInput(r: TDraftRow): TCharacteristicInput {
  return {
    code: r.code,
    element: r.element.trim(),
    lowerLimit: num(r.lower),
    upperLimit: num(r.upper),
    limitSource: r.limitSource,
    method: r.method,
    samplesPerLot: Number(r.samplesPerLot) || 1,
    frequency: r.frequency,
    frequencyN: r.frequency === 'every_nth_lot' ? num(r.frequencyN) : null,
  };
}

/** Inspection plans: the list with their scope and characteristics, and an editor for one plan. */
export function PlansView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apiError = useApiError();
  const access = useAccess();
  const canManage = access.can('quality.manage');
  const plans = useQuery(trpc.inspectionPlan.list.queryOptions({ includeInactive: true }));
  const specs = useQuery({ ...trpc.masterData.spec.list.queryOptions({}), enabled: canManage });
  const alloys = useQuery({ ...trpc.masterData.alloy.list.queryOptions({}), enabled: canManage });
  const [draft, setDraft] = useState<TDraft | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.inspectionPlan.pathKey() });
  const saved = () => {
    refresh();
    setDraft(null);
  };
  const create = useMutation(trpc.inspectionPlan.create.mutationOptions({ onSuccess: saved }));
  const update = useMutation(trpc.inspectionPlan.update.mutationOptions({ onSuccess: saved }));
  const setActive = useMutation(trpc.inspectionPlan.setActive.mutationOptions({ onSuccess: refresh }));
  const saveError = create.error ?? update.error;
  const err = saveError ? apiError(saveError) : null;

  const edit = (id: string) => {
    const p = plans.data?.find((x) => x.id === id);
    if (!p) return;
    create.reset();
    update.reset();
    setDraft({
      id: p.id,
      code: p.code,
      name: p.name,
      productSpecId: p.productSpec?.id ?? '',
      productFamily: p.productFamily ?? '',
      alloyId: p.alloy?.id ?? '',
      operationCode: p.operationCode ?? '',
      rows: p.characteristics.map((c) => ({
        code: c.code,
        element: c.element,
        lower: c.lowerLimit === null ? '' : String(c.lowerLimit),
        upper: c.upperLimit === null ? '' : String(c.upperLimit),
        limitSource: c.limitSource,
        method: c.method,
        samplesPerLot: String(c.samplesPerLot),
        frequency: c.frequency as TDraftRow['frequency'],
        frequencyN: c.frequencyN === null ? '' : String(c.frequencyN),
      })),
    });
  };
  const onSave = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!draft) return;
    const characteristics = draft.rows.map(toInput);
    const operationCode = draft.operationCode.trim() || null;
    if (draft.id) {
      update.mutate({ id: draft.id, name: draft.name, operationCode, characteristics });
    } else {
      create.mutate({
        code: draft.code,
        name: draft.name,
        productSpecId: draft.productSpecId || null,
        productFamily: draft.productFamily || null,
        alloyId: draft.alloyId || null,
        operationCode,
        characteristics,
      });
    }
  };
  const setRow = (i: number, patch: Partial<TDraftRow>) =>
    setDraft((d) => (d ? { ...d, rows: d.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) } : d));

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('qplan.title')}</h1>
          <p>{t('qplan.subtitle')}</p>
        </div>
        {canManage && !draft ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() =>
              setDraft({
                id: null,
                code: '',
                name: '',
                productSpecId: '',
                productFamily: '',
                alloyId: '',
                operationCode: '',
                rows: [emptyRow()],
              })
            }
            data-testid="plan-new"
          >
            {t('qplan.new')}
          </button>
        ) : null}
      </div>

      {draft ? (
        <form className="card card-pad" onSubmit={onSave} data-testid="plan-form">
          <div className="form-grid">
            <Field label={t('qplan.code')} error={err?.fieldErrors.code}>
              <input
                value={draft.code}
                disabled={draft.id !== null}
                onChange={(e) => setDraft({ ...draft, code: e.target.value })}
                data-testid="plan-code"
              />
            </Field>
            <Field label={t('qplan.name')} error={err?.fieldErrors.name}>
              <input
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                data-testid="plan-name"
              />
            </Field>
            <Field label={t('qplan.productSpec')} error={err?.fieldErrors.productSpecId}>
              <select
                value={draft.productSpecId}
                disabled={draft.id !== null}
                onChange={(e) => setDraft({ ...draft, productSpecId: e.target.value })}
              >
                <option value="">{t('qplan.any')}</option>
                {specs.data?.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.code}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('qplan.productFamily')}>
              <select
                value={draft.productFamily}
                disabled={draft.id !== null}
                onChange={(e) => setDraft({ ...draft, productFamily: e.target.value as TProductFamily | '' })}
              >
                <option value="">{t('qplan.any')}</option>
                {PRODUCT_FAMILIES.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('qplan.alloy')} error={err?.fieldErrors.alloyId}>
              <select
                value={draft.alloyId}
                disabled={draft.id !== null}
                onChange={(e) => setDraft({ ...draft, alloyId: e.target.value })}
              >
                <option value="">{t('qplan.any')}</option>
                {alloys.data?.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.code}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={t('qplan.operation')}
              hint={t('qplan.final')}
              error={err?.fieldErrors.operationCode}
            >
              <input
                value={draft.operationCode}
                placeholder="cold_rolling"
                onChange={(e) => setDraft({ ...draft, operationCode: e.target.value })}
              />
            </Field>
          </div>
          <h2>{t('qplan.characteristics')}</h2>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('lab.characteristic')}</th>
                  <th scope="col">{t('qplan.element')}</th>
                  <th scope="col">{t('qplan.limitSource')}</th>
                  <th scope="col">{t('qplan.lower')}</th>
                  <th scope="col">{t('qplan.upper')}</th>
                  <th scope="col">{t('qplan.method')}</th>
                  <th scope="col">{t('qplan.samples')}</th>
                  <th scope="col">{t('qplan.frequency')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {draft.rows.map((r, i) => {
                  const fe = (f: string) => err?.fieldErrors[`characteristics.${i}.${f}`];
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional (matched by position on save)
                    <tr key={i}>
                      <td>
                        <select
                          aria-label={t('lab.characteristic')}
                          value={r.code}
                          onChange={(e) => {
                            const code = e.target.value as TCharacteristicCode;
                            setRow(i, {
                              code,
                              limitSource: limitSourceCovers(r.limitSource, code) ? r.limitSource : 'manual',
                            });
                          }}
                        >
                          {CHARACTERISTIC_CODES.map((c) => (
                            <option key={c} value={c}>
                              {t(`qchar.${c}`)} ({CHARACTERISTIC_UNITS[c]})
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input
                          aria-label={t('qplan.element')}
                          className={styles.short}
                          value={r.element}
                          onChange={(e) => setRow(i, { element: e.target.value })}
                        />
                        {fe('element') ? <span className="field-error">{fe('element')}</span> : null}
                      </td>
                      <td>
                        <select
                          aria-label={t('qplan.limitSource')}
                          value={r.limitSource}
                          onChange={(e) => setRow(i, { limitSource: e.target.value })}
                        >
                          {LIMIT_SOURCES.filter((s) => limitSourceCovers(s, r.code)).map((s) => (
                            <option key={s} value={s}>
                              {t(`qplan.src.${s}` as 'qplan.src.manual')}
                            </option>
                          ))}
                        </select>
                        {fe('limitSource') ? <span className="field-error">{fe('limitSource')}</span> : null}
                      </td>
                      <td>
                        <input
                          aria-label={t('qplan.lower')}
                          className={styles.short}
                          inputMode="decimal"
                          value={r.lower}
                          disabled={r.limitSource !== 'manual'}
                          onChange={(e) => setRow(i, { lower: e.target.value })}
                        />
                        {fe('lowerLimit') ? <span className="field-error">{fe('lowerLimit')}</span> : null}
                      </td>
                      <td>
                        <input
                          aria-label={t('qplan.upper')}
                          className={styles.short}
                          inputMode="decimal"
                          value={r.upper}
                          disabled={r.limitSource !== 'manual'}
                          onChange={(e) => setRow(i, { upper: e.target.value })}
                        />
                        {fe('upperLimit') ? <span className="field-error">{fe('upperLimit')}</span> : null}
                      </td>
                      <td>
                        <input
                          aria-label={t('qplan.method')}
                          value={r.method}
                          onChange={(e) => setRow(i, { method: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          aria-label={t('qplan.samples')}
                          className={styles.tiny}
                          type="number"
                          min={1}
                          max={20}
                          value={r.samplesPerLot}
                          onChange={(e) => setRow(i, { samplesPerLot: e.target.value })}
                        />
                      </td>
                      <td>
                        <select
                          aria-label={t('qplan.frequency')}
                          value={r.frequency}
                          onChange={(e) => setRow(i, { frequency: e.target.value as TDraftRow['frequency'] })}
                        >
                          {SAMPLING_FREQUENCIES.map((f) => (
                            <option key={f} value={f}>
                              {t(`qplan.freq.${f}`)}
                            </option>
                          ))}
                        </select>
                        {r.frequency === 'every_nth_lot' ? (
                          <input
                            aria-label={t('qplan.frequencyN')}
                            className={styles.tiny}
                            type="number"
                            min={2}
                            value={r.frequencyN}
                            onChange={(e) => setRow(i, { frequencyN: e.target.value })}
                          />
                        ) : null}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="btn"
                          onClick={() => setDraft({ ...draft, rows: draft.rows.filter((_, j) => j !== i) })}
                        >
                          {t('qplan.remove')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {err?.fieldErrors.characteristics ? (
            <p className="notice notice--error">{err.fieldErrors.characteristics}</p>
          ) : null}
          {err?.formError ? <p className="notice notice--error">{err.formError}</p> : null}
          <div className={styles.actions}>
            <button
              type="button"
              className="btn"
              onClick={() => setDraft({ ...draft, rows: [...draft.rows, emptyRow()] })}
            >
              {t('qplan.addCharacteristic')}
            </button>
            <button
              type="submit"
              className="btn btn-primary"
              disabled={create.isPending || update.isPending}
              data-testid="plan-save"
            >
              {t('qplan.save')}
            </button>
            <button type="button" className="btn" onClick={() => setDraft(null)}>
              {t('qplan.cancel')}
            </button>
          </div>
        </form>
      ) : null}

      {plans.isLoading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {plans.error ? <p className="notice notice--error">{apiError(plans.error).formError}</p> : null}
      {plans.data && plans.data.length === 0 ? <p className="notice">{t('qplan.empty')}</p> : null}
      {plans.data?.map((p) => (
        <section key={p.id} className="card card-pad" data-testid={`plan-${p.code}`}>
          <div className={styles.head}>
            <h2>
              <span className="mono">{p.code}</span> {p.name}{' '}
              <span className={`chip chip--${p.active ? 'active' : 'inactive'}`}>
                {p.active ? t('qplan.active') : t('qplan.inactive')}
              </span>
            </h2>
            {canManage ? (
              <div className={styles.actions}>
                <button type="button" className="btn" onClick={() => edit(p.id)}>
                  {t('qplan.edit')}
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={setActive.isPending}
                  onClick={() => setActive.mutate({ id: p.id, active: !p.active })}
                >
                  {p.active ? t('qplan.deactivate') : t('qplan.activate')}
                </button>
              </div>
            ) : null}
          </div>
          <p className="muted">
            {t('qplan.scope')}:{' '}
            {[p.productSpec?.code, p.productFamily, p.alloy?.code].filter(Boolean).join(' · ') ||
              t('qplan.any')}{' '}
            · {t('qplan.operation')}: {p.operationCode ?? t('qplan.final')}
          </p>
          <table className="data">
            <tbody>
              {p.characteristics.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {t(`qchar.${c.code}`)}
                    {c.element ? ` ${c.element}` : ''}
                  </th>
                  <td>{t(`qplan.src.${c.limitSource}` as 'qplan.src.manual')}</td>
                  <td>
                    {c.limitSource === 'manual'
                      ? formatLimits({ lower: c.lowerLimit, upper: c.upperLimit, unit: c.unit })
                      : c.unit}
                  </td>
                  <td className="muted">{c.method}</td>
                  <td>
                    {c.samplesPerLot} · {t(`qplan.freq.${c.frequency as 'every_lot'}`)}
                    {c.frequencyN ? ` (${c.frequencyN})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
