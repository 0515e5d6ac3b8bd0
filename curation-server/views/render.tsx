/** @jsxImportSource hono/jsx */
/** Turning views into responses: full pages with their doctype, and error pages. */
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Child } from 'hono/jsx';
import type { ConsoleEnv } from '../app-env.ts';
import { Layout } from './layout.tsx';
import { viewOf } from './view.ts';

export function renderPage(c: Context<ConsoleEnv>, page: { title: string; body: Child; status?: ContentfulStatusCode; hasErrors?: boolean }) {
  const document = (
    <Layout view={viewOf(c)} title={page.title} hasErrors={page.hasErrors}>
      {page.body}
    </Layout>
  );
  return c.html(html`<!DOCTYPE html>${document}`, page.status ?? 200);
}

export type ErrorKind = 'notFound' | 'forbidden' | 'csrf' | 'tooLarge' | 'badRequest' | 'server';

const STATUS: Record<ErrorKind, ContentfulStatusCode> = { notFound: 404, forbidden: 403, csrf: 403, tooLarge: 413, badRequest: 400, server: 500 };

/** An error page; `detail` says what was wrong with the request, before the kind's general advice. */
export function renderError(c: Context<ConsoleEnv>, kind: ErrorKind, detail?: string) {
  const { t, user } = viewOf(c);
  const title = t.errors[`${kind}Title`];
  return renderPage(c, {
    title,
    status: STATUS[kind],
    body: (
      <>
        {detail !== undefined && <p>{detail}</p>}
        <p>{t.errors[kind]}</p>
        <p>
          <a href={user === null ? '/login' : '/sources'}>{t.errors.back}</a>
        </p>
      </>
    ),
  });
}
