'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useAccess } from '../use-access.ts';

interface TFilterForm {
  from: string;
  to: string;
  actor: string;
  action: string;
  target: string;
}

const EMPTY: TFilterForm = { from: '', to: '', actor: '', action: '', target: '' };

/** `<input type="datetime-local">` (the browser's time zone) to an instant; empty or invalid: none. */
function instant(local: string): Date | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function toFilter(f: TFilterForm) {
  const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
  return {
    from: instant(f.from),
    to: instant(f.to),
    actor: text(f.actor),
    action: text(f.action),
    target: text(f.target),
  };
}

/** The tenant's audit trail: search (time range, actor, action, target), page, export as CSV (tenant admins). */
export function AuditView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const access = useAccess();
  const ids = useId();
  const [form, setForm] = useState<TFilterForm>(EMPTY);
  const [applied, setApplied] = useState<TFilterForm>(EMPTY);
  const filter = toFilter(applied);
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { filter, limit: 50 },
      { enabled: access.canReadAudit, getNextPageParam: (last) => last.nextCursor },
    ),
  );

  if (access.loading) return <p aria-live="polite">{t('common.loading')}</p>;
  if (!access.canReadAudit) return <p className="notice notice--warn">{t('audit.forbidden')}</p>;

  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(form);
  };
  const field = (key: keyof TFilterForm, type: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${ids}-${key}`}>{t(`audit.${key}`)}</label>
      <input
        id={`${ids}-${key}`}
        type={type}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        placeholder={hint}
        data-testid={`audit-filter-${key}`}
      />
    </div>
  );
  const exportFilter = toFilter(applied);

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('audit.title')}</h1>
          <p>{t('audit.subtitle')}</p>
        </div>
        {/* A form POST (not a link): the export is recorded, and a cross-site page cannot trigger it. */}
        <form method="post" action="/api/audit/export">
          {Object.entries(exportFilter).map(([k, v]) =>
            v === undefined ? null : (
              <input key={k} type="hidden" name={k} value={v instanceof Date ? v.toISOString() : v} />
            ),
          )}
          <button type="submit" className="btn" data-testid="audit-export">
            {t('audit.export')}
          </button>
        </form>
      </div>
      <form className="card card-pad audit-filters" onSubmit={submit} data-testid="audit-filters">
        {field('from', 'datetime-local')}
        {field('to', 'datetime-local')}
        {field('actor', 'search', t('audit.actorHint'))}
        {field('action', 'search', t('audit.actionHint'))}
        {field('target', 'search', t('audit.targetHint'))}
        <div className="audit-filters__buttons">
          <button type="submit" className="btn btn-primary" data-testid="audit-search">
            {t('audit.search')}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setForm(EMPTY);
              setApplied(EMPTY);
            }}
          >
            {t('audit.reset')}
          </button>
        </div>
      </form>
      {events.isLoading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {events.isError ? <p className="notice notice--error">{t('common.unexpectedError')}</p> : null}
      <div className="card table-wrap">
        <table className="data" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.seq')}</th>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.outcome')}</th>
              <th scope="col">{t('audit.source')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                <td>{e.seq}</td>
                <td>
                  <time dateTime={new Date(e.at).toISOString()}>{when.format(new Date(e.at))}</time>
                </td>
                <td>{e.actorEmail ?? e.actorUserId ?? '—'}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.targetType}
                  {e.targetId ? <span className="muted"> {e.targetId}</span> : null}
                </td>
                <td>
                  {e.outcome === 'denied' ? (
                    <span className="badge badge--error">{t('audit.outcome.denied')}</span>
                  ) : e.outcome === 'success' ? (
                    t('audit.outcome.success')
                  ) : (
                    e.outcome
                  )}
                </td>
                <td>{e.sourceIp ?? '—'}</td>
                <td>
                  <code className="audit-details">{JSON.stringify(e.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!events.isLoading && rows.length === 0 ? <p className="card-pad muted">{t('audit.empty')}</p> : null}
      </div>
      <p className="muted" aria-live="polite">
        {t('audit.count', { count: rows.length })}
      </p>
      {events.hasNextPage ? (
        <button
          type="button"
          className="btn"
          onClick={() => void events.fetchNextPage()}
          disabled={events.isFetchingNextPage}
          data-testid="audit-more"
        >
          {events.isFetchingNextPage ? t('common.loading') : t('audit.more')}
        </button>
      ) : null}
    </>
  );
}
