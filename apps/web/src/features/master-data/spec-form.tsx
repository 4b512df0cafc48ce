'use client';

import type { TProductFamily } from '@ingot/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { FamilyField } from './family-field.tsx';
import { numberOrNull, numberValue, text } from './form-values.ts';
import { MasterDataForm } from './master-data-form.tsx';
import type { TMasterDataFormProps, TSpec } from './types.ts';

export interface TSpecValues {
  code: string;
  productFamily: TProductFamily;
  alloyId: string;
  temperId: string;
  customerId: string | null;
  thicknessMm: number;
  thicknessTolMinus: number;
  thicknessTolPlus: number;
  widthMm: number | null;
  widthTolMinus: number | null;
  widthTolPlus: number | null;
  lengthMm: number | null;
  coilWeightKg: number | null;
  innerDiameterMm: number | null;
  outerDiameterMm: number | null;
  surface: string;
  toleranceSource: string;
  notes: string;
}

const NUMBER_FIELDS = [
  ['thicknessMm', 'masterData.thickness'],
  ['thicknessTolMinus', 'masterData.tolMinus'],
  ['thicknessTolPlus', 'masterData.tolPlus'],
  ['widthMm', 'masterData.width'],
  ['widthTolMinus', 'masterData.widthTolMinus'],
  ['widthTolPlus', 'masterData.widthTolPlus'],
  ['lengthMm', 'masterData.length'],
  ['coilWeightKg', 'masterData.coilWeight'],
  ['innerDiameterMm', 'masterData.innerDiameter'],
  ['outerDiameterMm', 'masterData.outerDiameter'],
] as const;

/**
 * A product specification: family, alloy and temper (fixed once created), dimensions with tolerances, surface.
 * "Look up" fills the thickness tolerance from the standard's table for the alloy, thickness and width.
 */
export function SpecForm(props: TMasterDataFormProps<TSpec, TSpecValues>) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const init = props.initial;
  const fe = props.error.fieldErrors;
  const form = useRef<HTMLFormElement>(null);
  const alloys = useQuery(trpc.masterData.alloy.list.queryOptions({ includeInactive: false }));
  const tempers = useQuery(trpc.masterData.temper.list.queryOptions({}));
  const customers = useQuery(trpc.masterData.customer.list.queryOptions({ includeInactive: false }));
  const [alloyId, setAlloyId] = useState(init?.alloy.id ?? '');
  const [grade, setGrade] = useState<'en485' | 'gb-ordinary' | 'gb-high'>('gb-high');
  const [lookupNote, setLookupNote] = useState<{ ok: boolean; text: string } | null>(null);
  const alloy = alloys.data?.find((a) => a.id === alloyId);
  const temperOptions = (tempers.data ?? []).filter((x) => !alloy || x.family === alloy.family);

  const lookup = async () => {
    const f = form.current;
    if (!f || !alloy) return;
    const d = new FormData(f);
    const thicknessMm = numberOrNull(d.get('thicknessMm'));
    const widthMm = numberOrNull(d.get('widthMm'));
    if (!thicknessMm || !widthMm) return;
    try {
      const r = await queryClient.fetchQuery(
        trpc.masterData.spec.toleranceLookup.queryOptions({
          alloyCode: alloy.code,
          thicknessMm,
          widthMm,
          grade,
        }),
      );
      if (r.found) {
        for (const name of ['thicknessTolMinus', 'thicknessTolPlus'] as const) {
          const input = f.elements.namedItem(name);
          if (input instanceof HTMLInputElement) input.value = String(r.plusMinusMm);
        }
        const src = f.elements.namedItem('toleranceSource');
        if (src instanceof HTMLInputElement) src.value = `${r.standard} ${r.note}`.trim();
        setLookupNote({
          ok: true,
          text: t('masterData.toleranceFound', { tol: r.plusMinusMm, source: r.standard }),
        });
      } else setLookupNote({ ok: false, text: r.reason });
    } catch (e) {
      setLookupNote({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  const submit = (f: FormData) => {
    const n = (k: string) => numberOrNull(f.get(k));
    props.onSubmit({
      code: text(f.get('code')),
      productFamily: (text(f.get('productFamily')) || 'strip_coil') as TProductFamily,
      alloyId,
      temperId: text(f.get('temperId')),
      customerId: text(f.get('customerId')) || null,
      thicknessMm: n('thicknessMm') ?? Number.NaN,
      thicknessTolMinus: n('thicknessTolMinus') ?? Number.NaN,
      thicknessTolPlus: n('thicknessTolPlus') ?? Number.NaN,
      widthMm: n('widthMm'),
      widthTolMinus: n('widthTolMinus'),
      widthTolPlus: n('widthTolPlus'),
      lengthMm: n('lengthMm'),
      coilWeightKg: n('coilWeightKg'),
      innerDiameterMm: n('innerDiameterMm'),
      outerDiameterMm: n('outerDiameterMm'),
      surface: text(f.get('surface')),
      toleranceSource: text(f.get('toleranceSource')),
      notes: text(f.get('notes')),
    });
  };

  return (
    <MasterDataForm
      ref={form}
      kind="spec"
      formError={props.error.formError}
      pending={props.pending}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <div className="form-grid">
        <Field label={t('common.code')} error={fe.code} testId="spec-code">
          <input name="code" type="text" defaultValue={init?.code} data-testid="spec-code" />
        </Field>
        <FamilyField
          of="product"
          initial={init?.productFamily}
          locked={Boolean(init)}
          error={fe.productFamily}
        />
        <Field label={t('masterData.alloy')} error={fe.alloyId} testId="spec-alloy">
          <select
            value={alloyId}
            onChange={(e) => setAlloyId(e.target.value)}
            disabled={Boolean(init)}
            data-testid="spec-alloy"
          >
            <option value="">{t('masterData.chooseAlloy')}</option>
            {alloys.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('masterData.temper')} error={fe.temperId} testId="spec-temper">
          <select
            name="temperId"
            defaultValue={init?.temper.id ?? ''}
            disabled={Boolean(init)}
            data-testid="spec-temper"
          >
            <option value="">{t('masterData.chooseTemper')}</option>
            {temperOptions.map((x) => (
              <option key={x.id} value={x.id}>
                {x.code}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('masterData.specCustomer')} error={fe.customerId}>
          <select name="customerId" defaultValue={init?.customer?.id ?? ''}>
            <option value="">{t('masterData.catalogue')}</option>
            {customers.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} · {c.name}
              </option>
            ))}
          </select>
        </Field>
        {NUMBER_FIELDS.map(([name, label]) => (
          <Field key={name} label={t(label)} error={fe[name]} testId={`spec-${name}`}>
            <input
              name={name}
              type="number"
              step="any"
              min={0}
              inputMode="decimal"
              defaultValue={numberValue(init?.[name])}
              data-testid={`spec-${name}`}
            />
          </Field>
        ))}
        <Field label={t('masterData.surface')} error={fe.surface}>
          <input name="surface" type="text" defaultValue={init?.surface} />
        </Field>
        <Field label={t('masterData.toleranceSource')} error={fe.toleranceSource}>
          <input name="toleranceSource" type="text" defaultValue={init?.toleranceSource} />
        </Field>
      </div>
      <div className="actions" style={{ alignItems: 'end' }}>
        <Field label={t('masterData.toleranceGrade')}>
          <select value={grade} onChange={(e) => setGrade(e.target.value as typeof grade)}>
            {(['en485', 'gb-ordinary', 'gb-high'] as const).map((g) => (
              <option key={g} value={g}>
                {t(`masterData.grade.${g}`)}
              </option>
            ))}
          </select>
        </Field>
        <button type="button" className="btn" onClick={() => void lookup()} disabled={!alloy}>
          {t('masterData.lookupTolerance')}
        </button>
      </div>
      {lookupNote ? (
        <output
          className={lookupNote.ok ? 'notice notice--ok' : 'notice notice--warn'}
          style={{ display: 'block' }}
        >
          {lookupNote.text}
        </output>
      ) : null}
      <Field label={t('masterData.notes')} error={fe.notes}>
        <textarea name="notes" rows={2} defaultValue={init?.notes} />
      </Field>
    </MasterDataForm>
  );
}
