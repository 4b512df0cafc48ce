import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormFrame, type TFormFrameProps } from './form-frame.tsx';

/** The frame rendered to HTML (default locale zh-CN, as a first visit sees it). */
function render(props: Partial<TFormFrameProps>): string {
  return renderToStaticMarkup(
    createElement(FormFrame, { onSubmit: () => {}, ...props }, createElement('input', { name: 'code' })),
  );
}

describe('form frame', () => {
  it('puts heading, error, fields and actions in that order, with Cancel and Save by default', () => {
    const html = render({
      heading: createElement('h2', null, 'Title'),
      formError: 'Nope',
      onCancel: () => {},
      testId: 'thing-form',
      submitTestId: 'thing-submit',
      className: 'card card-pad',
    });
    expect(html).toMatch(/^<form class="form card card-pad" novalidate="" data-testid="thing-form">/i);
    expect(html.indexOf('<h2>Title</h2>')).toBeLessThan(html.indexOf('data-testid="form-error"'));
    expect(html.indexOf('data-testid="form-error"')).toBeLessThan(html.indexOf('name="code"'));
    expect(html).toContain(
      '<div class="form-actions"><button type="button" class="btn">取消</button>' +
        '<button type="submit" class="btn btn-primary" data-testid="thing-submit">保存</button></div>',
    );
  });

  it('disables the submit while pending and reads "saving" unless the caller names it', () => {
    expect(render({ pending: true })).toContain(
      '<button type="submit" class="btn btn-primary" disabled="">保存中…</button>',
    );
    expect(render({ pending: true, submitLabel: 'Ship' })).toContain('disabled="">Ship</button>');
  });

  it('shows no Cancel without onCancel, extra actions first, and the tone on the submit', () => {
    const html = render({
      extraActions: createElement('button', { type: 'button', className: 'btn' }, 'Up'),
      tone: 'danger',
      submitLabel: 'Down',
    });
    expect(html).not.toContain('取消');
    expect(html).toContain(
      '<div class="form-actions"><button type="button" class="btn">Up</button>' +
        '<button type="submit" class="btn btn-danger-solid">Down</button></div>',
    );
    expect(render({ tone: 'plain' })).toContain('<button type="submit" class="btn">保存</button>');
    expect(render({})).not.toContain('form-error');
  });
});
