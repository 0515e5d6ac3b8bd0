/** What every view needs from the request: language, texts, account, CSRF token, URL. */
import type { Context } from 'hono';
import type { ConsoleEnv } from '../app-env.ts';
import type { User } from '../auth/users.ts';
import { type Lang, MESSAGES, type Messages } from '../i18n/messages.ts';

export interface View {
  lang: Lang;
  t: Messages;
  user: User | null;
  csrfToken: string;
  url: URL;
}

export function viewOf(c: Context<ConsoleEnv>): View {
  const lang = c.get('lang') ?? 'fr';
  return { lang, t: c.get('t') ?? MESSAGES[lang], user: c.get('user') ?? null, csrfToken: c.get('csrfToken') ?? '', url: new URL(c.req.url) };
}
