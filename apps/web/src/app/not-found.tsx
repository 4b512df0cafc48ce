import Link from 'next/link';
import { createTranslator } from '../i18n/messages.ts';
import { getRequestLocale } from '../server/request-context.ts';

export default async function NotFound() {
  const t = createTranslator(await getRequestLocale());
  return (
    <main id="main" className="page">
      <div className="card card-pad" data-testid="not-found">
        <h1 style={{ marginTop: 0 }}>{t('common.notFoundTitle')}</h1>
        <p>{t('common.notFoundBody')}</p>
        <Link href="/" className="btn">
          {t('common.backHome')}
        </Link>
      </div>
    </main>
  );
}
