/**
 * What IT staff set by enterprise policy (Chrome and Edge: `3rdparty` extension policy, checked by
 * public/managed_schema.json; Firefox: `policies.json` → `3rdparty.Extensions.<id>`), read from
 * storage.managed. Parsed here, at the boundary: a value of the wrong shape is dropped with a
 * reason, the others still apply. Pure; the background reads and keeps it (managed-storage.ts).
 */
import { isPublicKeyRecord, type PublicKeyRecord } from '../../corpus/list/signing-keys.ts';
import { ENGINE_IDS, type EngineId } from '../engines/engine-record.ts';
import { DENSITIES, type Density } from './settings-values.ts';

export interface ManagedPolicy {
  /** The list channel's addresses (mirrors, tried in turn), instead of the built-in one. */
  listChannels?: string[];
  /** The keys a manifest must be signed by, instead of the built-in ones. */
  pinnedKeys?: PublicKeyRecord[];
  /** Minutes between two checks of the channel. */
  updateIntervalMinutes?: number;
  /** Settings fixed by policy: each one given overrides the user's and is shown locked. */
  engines?: Partial<Record<EngineId, boolean>>;
  promoteFirstTrusted?: boolean;
  hideUntrusted?: boolean;
  density?: Density;
  reportUrl?: string;
  /** false: the popup has no pause switch, and marking is never paused. */
  showPauseSwitch?: boolean;
  /** How long a pause lasts, in minutes (it always ends when the browser restarts); 0: until then. */
  pauseMinutes?: number;
  /** The server the popup asks for a site's Atlaas card (on click only), instead of the list channel's origin. */
  atlaasServer?: string;
}

export interface PolicyReading {
  policy: ManagedPolicy;
  /** `name: reason` of each value dropped. */
  dropped: string[];
}

function isChannelUrl(value: unknown): value is string {
  if (typeof value !== 'string' || !value.endsWith('/')) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export function isReportUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

const minutes = (value: unknown, min: number, max: number): value is number => Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;

export function readManagedPolicy(raw: unknown): PolicyReading {
  const dropped: string[] = [];
  const policy: ManagedPolicy = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { policy, dropped: raw === undefined || raw === null ? [] : ['policy: not an object'] };
  const value = raw as Record<string, unknown>;
  const take = <K extends keyof ManagedPolicy>(name: K, valid: (field: unknown) => boolean, reason: string, convert: (field: unknown) => ManagedPolicy[K] = (field) => field as ManagedPolicy[K]) => {
    if (!(name in value) || value[name] === undefined) return;
    if (valid(value[name])) policy[name] = convert(value[name]);
    else dropped.push(`${name}: ${reason}`);
  };
  take('listChannels', (field) => Array.isArray(field) && field.length > 0 && field.length <= 8 && field.every(isChannelUrl), 'from 1 to 8 http(s) addresses ending with "/"');
  take('pinnedKeys', (field) => Array.isArray(field) && field.length > 0 && field.length <= 8 && field.every(isPublicKeyRecord), 'from 1 to 8 public key records (npm run keys)');
  take('updateIntervalMinutes', (field) => minutes(field, 15, 7 * 24 * 60), 'whole minutes, from 15 to 10080');
  take(
    'engines',
    (field) => typeof field === 'object' && field !== null && Object.entries(field).every(([id, on]) => (ENGINE_IDS as readonly string[]).includes(id) && typeof on === 'boolean'),
    `an object of ${ENGINE_IDS.join(', ')} → true or false`,
  );
  for (const name of ['promoteFirstTrusted', 'hideUntrusted', 'showPauseSwitch'] as const) take(name, (field) => typeof field === 'boolean', 'true or false');
  take('density', (field) => (DENSITIES as readonly unknown[]).includes(field), DENSITIES.join(', '));
  take('reportUrl', isReportUrl, 'an https: or mailto: address');
  take('pauseMinutes', (field) => minutes(field, 0, 24 * 60), 'whole minutes, from 0 to 1440');
  take('atlaasServer', isChannelUrl, 'an http(s) address ending with "/"');
  for (const name of Object.keys(value)) {
    if (!KNOWN.has(name)) dropped.push(`${name}: unknown setting`);
  }
  return { policy, dropped };
}

const KNOWN = new Set(['listChannels', 'pinnedKeys', 'updateIntervalMinutes', 'engines', 'promoteFirstTrusted', 'hideUntrusted', 'density', 'reportUrl', 'showPauseSwitch', 'pauseMinutes', 'atlaasServer']);
