'use client';

import { useState } from 'react';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { TElementRow } from './composition.ts';

/** The element rows of an alloy's composition (element, min, max, remainder), added and removed in place. */
export function CompositionEditor(props: {
  rows: TElementRow[];
  onChange: (update: (rows: TElementRow[]) => TElementRow[]) => void;
  fieldErrors: Record<string, string>;
}) {
  const { t } = useI18n();
  const fe = props.fieldErrors;
  const [nextKey, setNextKey] = useState(() => props.rows.length + 1);
  const setRow = (key: number, patch: Partial<TElementRow>) =>
    props.onChange((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset>
      <legend>{t('masterData.composition')}</legend>
      <div className="line-editor">
        {props.rows.map((r) => (
          <div key={r.key} className="attr-row" style={{ gridTemplateColumns: '1fr 1fr 1fr auto auto' }}>
            <Field label={t('masterData.element')} error={fe[`composition.${r.element}`]}>
              <input
                type="text"
                value={r.element}
                onChange={(e) => setRow(r.key, { element: e.target.value })}
              />
            </Field>
            <Field label={t('masterData.min')} error={fe[`composition.${r.element}.min`]}>
              <input
                type="number"
                step="any"
                value={r.min}
                onChange={(e) => setRow(r.key, { min: e.target.value })}
              />
            </Field>
            <Field label={t('masterData.max')} error={fe[`composition.${r.element}.max`]}>
              <input
                type="number"
                step="any"
                value={r.max}
                onChange={(e) => setRow(r.key, { max: e.target.value })}
              />
            </Field>
            <label style={{ alignSelf: 'end', display: 'flex', gap: 4 }}>
              <input
                type="checkbox"
                checked={r.remainder}
                onChange={(e) => setRow(r.key, { remainder: e.target.checked })}
              />
              {t('masterData.remainder')}
            </label>
            <button
              type="button"
              className="btn btn-sm btn-icon"
              style={{ alignSelf: 'end' }}
              onClick={() => props.onChange((list) => list.filter((x) => x.key !== r.key))}
              aria-label={t('masterData.removeElement', { element: r.element || '?' })}
            >
              ✕
            </button>
          </div>
        ))}
      </div>
      <button
        type="button"
        className="btn btn-sm"
        style={{ marginTop: 8 }}
        onClick={() => {
          props.onChange((list) => [
            ...list,
            { key: nextKey, element: '', min: '', max: '', remainder: false },
          ]);
          setNextKey((k) => k + 1);
        }}
      >
        + {t('masterData.addElement')}
      </button>
    </fieldset>
  );
}
