/**
 * The embedded issuer's pages (development only). The form uses the element ids of Keycloak's login page
 * (`username`, `password`, `kc-login`, `input-error-username`), so one browser test helper signs in against either issuer.
 */
const TEXT = {
  zh: {
    title: '登录 Ingot',
    subtitle: '内置演示身份服务（仅限开发环境）',
    email: '邮箱',
    password: '密码',
    submit: '登录',
    invalid: '邮箱或密码错误。',
    invalidRequest: '登录请求无效（未知的客户端或回调地址）。',
    expired: '登录页面已过期，请返回应用重新登录。',
    signedOut: '您已退出登录。',
  },
  en: {
    title: 'Sign in to Ingot',
    subtitle: 'Built-in demo identity service (development only)',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    invalid: 'Wrong email or password.',
    invalidRequest: 'Invalid sign-in request (unknown client or redirect URI).',
    expired: 'This sign-in page has expired: go back to the application and sign in again.',
    signedOut: 'You are signed out.',
  },
} as const;

type TLang = keyof typeof TEXT;

/** `ui_locales` (`zh-CN`, `zh-Hans`, `en`, a space-separated list) to one of our two languages; Chinese first. */
function langOf(uiLocales: string | null | undefined): TLang {
  const first = (uiLocales ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f3f5f8;margin:0;
display:grid;place-items:center;min-height:100vh}main{background:#fff;border:1px solid #d9dee7;border-radius:10px;
padding:28px;width:min(360px,90vw)}h1{font-size:22px;margin:0 0 4px}p{color:#5b6474;margin:0 0 16px;font-size:14px}
label{display:block;font-weight:600;font-size:14px;margin:12px 0 4px}input{width:100%;box-sizing:border-box;
padding:8px;border:1px solid #b8c0cc;border-radius:6px;font-size:15px}button{margin-top:18px;width:100%;padding:10px;
border:0;border-radius:6px;background:#1f5fbf;color:#fff;font-size:15px;cursor:pointer}
.error{color:#b42318;background:#fef3f2;border:1px solid #fda29b;border-radius:6px;padding:8px;font-size:14px}`;

function page(lang: TLang, body: string): string {
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${TEXT[lang].title}</title>
<style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function renderLoginPage(opts: {
  action: string;
  rid: string;
  locale: string | null;
  error: 'invalid' | null;
  email: string;
}): string {
  const t = TEXT[langOf(opts.locale)];
  const error = opts.error ? `<p class="error" id="input-error-username" role="alert">${t.invalid}</p>` : '';
  return page(
    langOf(opts.locale),
    `<h1 id="kc-page-title">${t.title}</h1><p>${t.subtitle}</p>${error}
<form id="kc-form-login" method="post" action="${escapeHtml(opts.action)}">
<input type="hidden" name="rid" value="${escapeHtml(opts.rid)}">
<label for="username">${t.email}</label>
<input id="username" name="username" type="email" autocomplete="username" required autofocus value="${escapeHtml(opts.email)}">
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button id="kc-login" type="submit">${t.submit}</button></form>`,
  );
}

export function renderMessagePage(
  locale: string | null,
  message: 'invalidRequest' | 'expired' | 'signedOut',
): string {
  const t = TEXT[langOf(locale)];
  return page(langOf(locale), `<h1>${t.title}</h1><p id="kc-message">${t[message]}</p>`);
}
