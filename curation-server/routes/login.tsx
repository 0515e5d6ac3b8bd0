/** @jsxImportSource hono/jsx */
/** Signing in and out. Attempts are throttled per address and per account from that address (auth/login-throttle.ts). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { PASSWORD_MAX_LENGTH } from '../auth/password.ts';
import { closeSession, openSession } from '../auth/sessions.ts';
import { authenticate } from '../auth/users.ts';
import { clientAddress } from '../http/client-address.ts';
import { clearCookie, readCookie, writeCookie } from '../http/cookies.ts';
import { safeRedirectTarget } from '../http/redirect-target.ts';
import { LoginPage } from '../views/login-page.tsx';
import { renderPage } from '../views/render.tsx';
import { viewOf } from '../views/view.ts';

const LoginForm = z.object({
  email: z.string().max(254).default(''),
  password: z.string().max(PASSWORD_MAX_LENGTH).default(''),
  next: z.string().max(2000).default(''),
});

export function loginRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();

  app.get('/login', (c) => {
    const next = c.req.query('next') ?? '';
    if (c.get('user') !== null) return c.redirect(safeRedirectTarget(next, '/sources'), 303);
    const { t } = viewOf(c);
    const done = c.req.query('done');
    const notice = done === 'logout' ? t.notices.loggedOut : done === 'passwordSet' ? t.accounts.passwordSet : undefined;
    return renderPage(c, { title: t.login.title, body: <LoginPage view={viewOf(c)} email="" next={next} errors={{}} notice={notice} /> });
  });

  app.post('/login', async (c) => {
    const { t } = viewOf(c);
    const form = LoginForm.safeParse(await c.req.parseBody());
    const { email, password, next } = form.success ? form.data : { email: '', password: '', next: '' };
    const keys = { account: email.trim().toLowerCase(), address: clientAddress(c, deps.trustProxy) };
    const failed = (message: string, status: 401 | 429) =>
      renderPage(c, { title: t.login.title, status, hasErrors: true, body: <LoginPage view={viewOf(c)} email={email} next={next} errors={{ '': [message] }} /> });

    // Counted before the password is hashed, so that simultaneous guesses cannot all pass the check.
    const admission = deps.loginThrottle.admit(keys, deps.now().getTime());
    if (!admission.ok) {
      c.header('Retry-After', String(Math.ceil(admission.retryAfterMs / 1000)));
      return failed(t.login.throttled(Math.ceil(admission.retryAfterMs / 60_000)), 429);
    }
    const user = form.success ? await authenticate(deps.db, email, password) : null;
    if (user === null) return failed(t.login.failed, 401);
    admission.attempt.succeeded();
    // The session this browser had ends here (whoever it was for): signing in again must not leave
    // a second live token behind. Other browsers keep theirs — a curator may use two computers;
    // a new password or a disabled account closes them all (auth/users.ts).
    const previous = readCookie(c, 'session', deps.secureCookies);
    if (previous !== undefined) await closeSession(deps.db, previous);
    // A fresh token at every sign-in: a token planted before sign-in (session fixation) is worth nothing.
    writeCookie(c, 'session', await openSession(deps.db, user.id, deps.now()), deps.secureCookies);
    clearCookie(c, 'csrf', deps.secureCookies);
    return c.redirect(safeRedirectTarget(next, '/sources'), 303);
  });

  app.post('/logout', async (c) => {
    const token = readCookie(c, 'session', deps.secureCookies);
    if (token !== undefined) await closeSession(deps.db, token);
    clearCookie(c, 'session', deps.secureCookies);
    return c.redirect('/login?done=logout', 303);
  });

  return app;
}
