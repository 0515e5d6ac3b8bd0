/**
 * The console's stylesheet and script, served as files (the CSP allows nothing inline). They are
 * read once at start; the ETag lets browsers revalidate cheaply.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { BADGE_CSS } from '../../extension/marking/badge-styles.ts';

const ASSETS = {
  'console.css': 'text/css; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
} as const;

/** The extension's own badge styles, for the source page's badge preview (inside its shadow root). */
export const BADGE_STYLESHEET = '/assets/badge.css';

export function assetRoutes() {
  const app = new Hono();
  const files = Object.entries(ASSETS).map(([name, type]) => ({ name, type, body: readFileSync(new URL(`../assets/${name}`, import.meta.url)) }));
  files.push({ name: 'badge.css', type: 'text/css; charset=utf-8', body: Buffer.from(BADGE_CSS, 'utf8') });
  for (const { name, type, body } of files) {
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
    app.get(`/assets/${name}`, (c) => {
      if (c.req.header('if-none-match') === etag) return c.body(null, 304, { ETag: etag });
      return c.body(body, 200, { 'Content-Type': type, ETag: etag, 'Cache-Control': 'no-cache' });
    });
  }
  return app;
}
