/**
 * The server's settings, from environment variables (documented in README.md, "Curation server").
 * Bad values stop the start with a message, rather than running with a surprise.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

export interface ServerConfig {
  host: string;
  port: number;
  databasePath: string;
  /** The signing keys (`<id>.private.pem`, mode 0600): files, never in the database. */
  keysDirectory: string;
  /** Where published lists are written (served under /v1/, copyable to any static host). */
  listsDirectory: string;
  /** The address people use (behind a reverse proxy): its scheme decides Secure cookies and HSTS. */
  publicUrl: string | null;
  trustProxy: boolean;
}

const EnvSchema = z.object({
  SDC_HOST: z.string().default('127.0.0.1'),
  SDC_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  SDC_DB: z.string().min(1).default('data/curation.sqlite'),
  SDC_KEYS_DIR: z.string().min(1).default('data/keys'),
  SDC_LISTS_DIR: z.string().min(1).default('data/lists/v1'),
  SDC_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SDC_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
});

export function readServerConfig(env: Record<string, string | undefined>): { ok: true; config: ServerConfig } | { ok: false; problems: string[] } {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  const { SDC_HOST, SDC_PORT, SDC_DB, SDC_KEYS_DIR, SDC_LISTS_DIR, SDC_PUBLIC_URL, SDC_TRUST_PROXY } = parsed.data;
  return {
    ok: true,
    config: {
      host: SDC_HOST,
      port: SDC_PORT,
      databasePath: resolve(SDC_DB),
      keysDirectory: resolve(SDC_KEYS_DIR),
      listsDirectory: resolve(SDC_LISTS_DIR),
      publicUrl: SDC_PUBLIC_URL ?? null,
      trustProxy: SDC_TRUST_PROXY === '1' || SDC_TRUST_PROXY === 'true',
    },
  };
}

