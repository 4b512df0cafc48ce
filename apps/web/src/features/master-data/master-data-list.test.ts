import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MasterDataList } from './master-data-list.tsx';
import type { TMasterDataColumn } from './master-data-table.tsx';

interface TRow {
  id: string;
  code: string;
  weight: number;
}

const columns: TMasterDataColumn<TRow>[] = [
  { id: 'code', header: 'Code', className: 'mono', cell: (r) => r.code },
  { id: 'weight', header: 'Weight', numeric: true, cell: (r) => r.weight },
];
const rows: TRow[] = [
  { id: 'a', code: 'A-1', weight: 3 },
  { id: 'b', code: 'B-2', weight: 5 },
];
const manager = { canManage: true, readOnly: false };
const viewer = { canManage: false, readOnly: true };

/** The list rendered to HTML (default locale zh-CN, as a first visit sees it). */
function render(props: Partial<Parameters<typeof MasterDataList<TRow>>[0]>): string {
  return renderToStaticMarkup(
    createElement(MasterDataList<TRow>, {
      kind: 'thing',
      access: manager,
      filters: null,
      newLabel: '新建东西',
      onNew: () => {},
      list: { data: rows, error: null },
      columns,
      rowTestId: (r) => `thing-${r.code}`,
      ...props,
    }),
  );
}

describe('master-data list', () => {
  it('shows managers the new button and an actions column; viewers neither, but the read-only notice', () => {
    const forManager = render({ rowActions: (r) => `edit ${r.code}` });
    expect(forManager).toContain('data-testid="new-thing"');
    expect(forManager).toContain('<th scope="col">操作</th>');
    expect(forManager).toContain('<div class="actions">edit A-1</div>');
    expect(forManager).not.toContain('您只能查看主数据。');

    const forViewer = render({ access: viewer, rowActions: undefined });
    expect(forViewer).not.toContain('new-thing');
    expect(forViewer).not.toContain('操作');
    expect(forViewer).toContain('您只能查看主数据。');
  });

  it('renders one row per item with its test id, numeric columns right-aligned in header and cells', () => {
    const html = render({});
    expect(html).toContain('data-testid="thing-table"');
    expect(html).toContain(
      '<tr data-testid="thing-A-1"><td class="mono">A-1</td><td class="num">3</td></tr>',
    );
    expect(html).toContain('<th scope="col" class="num">Weight</th>');
  });

  it('puts an opened detail row under its row, spanning every column', () => {
    const html = render({
      rowActions: () => 'x',
      rowDetail: (r) => (r.id === 'b' ? { id: 'detail-b', content: 'steps of B' } : null),
    });
    expect(html).toContain('</tr><tr id="detail-b"><td colSpan="3">steps of B</td></tr>');
    expect(html.match(/<tr id=/g)).toHaveLength(1);
  });

  it('says the list is empty instead of an empty table, and shows a failed row action', () => {
    const html = render({ list: { data: [], error: null }, actionError: new Error('boom') });
    expect(html).toContain('<p class="notice">还没有记录。</p>');
    expect(html).not.toContain('thing-table');
    expect(html).toContain('data-testid="form-error"');
  });

  it('becomes a search form with a search button when it can search', () => {
    expect(render({ onSearch: () => {} })).toMatch(
      /^<form class="filters">.*<button type="submit" class="btn">搜索<\/button>/,
    );
    expect(render({})).toMatch(/^<div class="filters">/);
    expect(render({ access: viewer })).not.toContain('filters__buttons');
  });
});
