/** @jsxImportSource hono/jsx */
/**
 * The badge exactly as the public sees it on a result page: the extension's own markup
 * (extension/marking/badge-markup.ts), text (badge-text.ts, from the extension's messages) and
 * styles (served as /assets/badge.css), in a declarative shadow root as the extension draws it in
 * its own, so that the console's styles and the badge's never mix.
 */
import { jsx } from 'hono/jsx';
import type { Source } from '../../corpus/source.ts';
import { localeMessage } from '../../extension/i18n/locale-messages.ts';
import { badgeMarkup, type MarkupNode, type PageTheme } from '../../extension/marking/badge-markup.ts';
import { badgeTextOf } from '../../extension/marking/badge-text.ts';
import type { Density } from '../../extension/settings/settings.ts';
import { BADGE_STYLESHEET } from '../routes/assets.ts';
import { StatusBadge } from './source-labels.tsx';
import type { View } from './view.ts';

function Markup(props: { node: MarkupNode }): ReturnType<typeof jsx> | string {
  const { node } = props;
  if (typeof node === 'string') return node;
  return jsx(node.tag, { ...node.attributes }, ...node.children.map((child) => <Markup node={child} />));
}

const VARIANTS = [
  { name: 'standard', density: 'standard', theme: 'light' },
  { name: 'dark', density: 'standard', theme: 'dark' },
  { name: 'detailed', density: 'detailed', theme: 'light' },
] as const satisfies readonly { name: string; density: Density; theme: PageTheme }[];

export function BadgePreview(props: { view: View; source: Source }) {
  const { view, source } = props;
  const { t, lang } = view;
  const text = badgeTextOf(source, lang, (key, substitutions) => localeMessage(lang, key, substitutions));
  return (
    <section aria-labelledby="badge-title">
      <h2 id="badge-title">{t.badgePreview.title}</h2>
      <p>{t.badgePreview.intro}</p>
      {source.status !== 'active' && (
        <p class="warning">
          {t.badgePreview.inactive(t.statuses[source.status])} <StatusBadge t={t} status={source.status} />
        </p>
      )}
      <ul class="badge-previews">
        {VARIANTS.map((variant) => (
          <li class={`badge-sample badge-sample-${variant.theme}`}>
            <p class="badge-sample-label">{t.badgePreview.variants[variant.name]}</p>
            <span class="badge-preview" data-sdc-source={source.host}>
              {jsx(
                'template',
                { shadowrootmode: 'open' },
                <link rel="stylesheet" href={BADGE_STYLESHEET} />,
                <Markup node={badgeMarkup(source.host, text, variant.density, variant.theme, `badge-details-${variant.name}`, true)} />,
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
