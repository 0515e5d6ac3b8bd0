/** @jsxImportSource hono/jsx */
/** The page shell: skip link, header with the menu and account, main content, data credit footer. */
import type { Child } from 'hono/jsx';
import { DATA_CREDIT } from '../../corpus/credit.ts';
import { can, type Permission } from '../auth/roles.ts';
import type { View } from './view.ts';
import { CsrfField } from './form-fields.tsx';

interface Section {
  href: string;
  label: (view: View) => string;
  permission: Permission;
}

/** The menu; each entry shows only to roles that may use it. */
const SECTIONS: Section[] = [
  { href: '/sources', label: (view) => view.t.nav.sources, permission: 'read' },
  { href: '/activity', label: (view) => view.t.nav.activity, permission: 'read' },
  { href: '/import', label: (view) => view.t.nav.import, permission: 'edit' },
  { href: '/review', label: (view) => view.t.review.nav, permission: 'read' },
  { href: '/admin', label: (view) => view.t.nav.admin, permission: 'administer' },
  { href: '/atlaas', label: (view) => view.t.atlaas.nav, permission: 'read' },
];

/** The same page in the other language. */
function otherLanguageHref(view: View): string {
  const url = new URL(view.url);
  url.searchParams.set('lang', view.t.otherLanguage.code);
  return url.pathname + url.search;
}

export function Layout(props: { view: View; title: string; hasErrors?: boolean; children: Child }) {
  const { view, title } = props;
  const { t, user } = view;
  return (
    <html lang={view.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.hasErrors ? t.errorTitlePrefix : ''}${title} — ${t.product}`}</title>
        <link rel="stylesheet" href="/assets/console.css" />
        <script src="/assets/console.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skipLink}
        </a>
        <header class="site-header">
          <p class="brand">
            <a href="/sources">{t.product}</a> <span>{t.consoleName}</span>
          </p>
          {user !== null && (
            <nav aria-label={t.nav.label}>
              <ul>
                {SECTIONS.filter((section) => can(user.role, section.permission)).map((section) => (
                  <li>
                    <a href={section.href} aria-current={view.url.pathname.startsWith(section.href) ? 'page' : undefined}>
                      {section.label(view)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div class="header-tools">
            {user !== null && (
              <form method="post" action="/logout" class="account">
                <span>
                  {t.account.signedInAs} {user.email} ({t.roles[user.role]})
                </span>{' '}
                <a href="/account/password" aria-current={view.url.pathname === '/account/password' ? 'page' : undefined}>
                  {t.accounts.changeLink}
                </a>{' '}
                <CsrfField view={view} />
                <button type="submit" class="link-button">
                  {t.account.logout}
                </button>
              </form>
            )}
            <a href={otherLanguageHref(view)} lang={t.otherLanguage.code} hreflang={t.otherLanguage.code} title={t.otherLanguage.hint}>
              {t.otherLanguage.label}
            </a>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            <strong>{t.footer.credit}</strong> — {DATA_CREDIT[view.lang]} <a href={DATA_CREDIT.sourceUrl}>{t.footer.source}</a>,{' '}
            <a href={DATA_CREDIT.licenceUrl}>{t.footer.licence}</a>.
          </p>
        </footer>
      </body>
    </html>
  );
}
