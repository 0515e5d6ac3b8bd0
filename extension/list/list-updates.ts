/**
 * The background's side of list delivery: which list is in use, and how a newer signed version
 * gets there. At start, the stored list (if any) is checked against its own hash — a corrupted
 * store falls back to the bundled list, never to an empty one. On a schedule (alarms, re-created at
 * every start, with jitter and exponential backoff), at browser start and on request, the signed
 * manifest is fetched from the channel's mirrors in turn and verified by corpus/list/ (pinned keys,
 * rollback, freeze, lengths, hashes); a delta from the list in use, else the snapshot, gives the new
 * list, stored with the highest version seen. Whatever fails, the last good list stays in use.
 *
 * Nothing is sent but plain GET requests for the channel's public files: no cookie, no identifier,
 * nothing about searches or visits.
 */
import browser from 'webextension-polyfill';
import { COMPACT_LIST_CREDIT } from '../../corpus/credit.ts';
import { listPatch, patchedSnapshot } from '../../corpus/list/list-patch.ts';
import { initialListState, isFrozen, type ListState, nextListState } from '../../corpus/list/list-state.ts';
import { fetchListUpdate, fetchVerifiedFile, type ListUpdate, type LocalList, type UpdateFailure } from '../../corpus/list/list-update.ts';
import { readEngineDefinitions } from '../engines/engine-definitions-schema.ts';
import { ENGINE_DEFINITIONS_KEY, type StoredEngineDefinitions } from '../engines/stored-definitions.ts';
import type { SignedManifest } from '../../corpus/list/manifest.ts';
import { isPublicKeyRecord } from '../../corpus/list/signing-keys.ts';
import { LIST_IN_USE_KEY, LIST_START_KEYS, LIST_VERSION_KEY, type ListInUse, listInUseDigest, listInUseFrom, UPDATE_RECORD_KEY } from './current-list.ts';
import { COMPACT_FORMAT, type ListChannelConfig, type ListMeta, listMetaOf } from './list-meta.ts';
import type { MatchingList } from '../matching/list-matching.ts';
import { DEFAULT_INTERVAL_MINUTES, nextCheckDelayMinutes } from './update-schedule.ts';

/** What the background remembers between checks, besides the list itself. */
export interface UpdateRecord extends Omit<ListState, 'list'> {
  lastChecked: string | null;
  consecutiveFailures: number;
  serverMinimumMinutes: number;
}

/** What the popup shows about the list. */
export interface ListStatus {
  meta: ListMeta;
  /** current: a verified manifest vouches for it; stale: none does any more (expired, or never checked); failing: the last check failed. */
  health: 'current' | 'stale' | 'failing';
  lastChecked: string | null;
  lastVerified: string | null;
  validUntil: string | null;
  lastFailure: { reason: string; detail: string; at: string } | null;
}

export const UPDATE_ALARM = 'sdc-list-update';

export interface ListUpdatesOptions {
  /** The channel in force (the built-in one, or the policy's), read at each check. */
  channel: () => Promise<ListChannelConfig & { intervalMinutes?: number }>;
  /** The bundled list: its metadata, its compact list (what matching reads, compiled in) and its packaged snapshot text (for a first delta). */
  bundled: { meta: ListMeta; compact: string; snapshot: () => Promise<string> };
  clientVersion: string;
  /** Called before a stored list or engine definitions replace those in use (the result pages' flag must be up first). */
  beforeListChange: () => Promise<void>;
  /** The result pages the built manifest declares (`*://host/path*`): published engine definitions may describe no other. */
  builtMatches: readonly string[];
  /** What storage held of LIST_START_KEYS when the background started, if it was read then (startup-reads.ts); otherwise read at once. */
  storedAtStart?: Promise<Record<string, unknown>>;
  fetch?: typeof fetch;
  now?: () => Date;
  random?: () => number;
}

/** The form a stored list record says it is in (a string, or undefined). */
function storedFormat(value: unknown): unknown {
  return ((value ?? {}) as { meta?: { format?: unknown } }).meta?.format;
}

function recordFrom(value: unknown, bundled: ListMeta): UpdateRecord {
  const stored = (value ?? {}) as Partial<UpdateRecord>;
  const initial = initialListState({ version: bundled.version, text: '' });
  const text = (field: unknown) => (typeof field === 'string' ? field : null);
  const count = (field: unknown) => (Number.isSafeInteger(field) && (field as number) >= 0 ? (field as number) : 0);
  const failure = stored.lastFailure;
  return {
    highestSeenVersion: Math.max(initial.highestSeenVersion, count(stored.highestSeenVersion)),
    learnedKeys: Array.isArray(stored.learnedKeys) ? stored.learnedKeys.filter(isPublicKeyRecord) : [],
    // Before any check, the bundled list's own manifest vouches for it until it expires.
    validUntil: text(stored.validUntil) ?? bundled.expires ?? null,
    lastVerified: text(stored.lastVerified),
    lastChecked: text(stored.lastChecked),
    lastFailure: failure && typeof failure.reason === 'string' && typeof failure.detail === 'string' && typeof failure.at === 'string' ? failure : null,
    consecutiveFailures: count(stored.consecutiveFailures),
    serverMinimumMinutes: count(stored.serverMinimumMinutes),
  };
}

export class ListUpdates {
  /** The stored list in use, or null: the bundled one. */
  private inUse: ListInUse | null = null;
  private bundledSnapshot: Promise<LocalList> | null = null;
  /** The snapshot of the list in use, once rebuilt or verified in this run of the background (the next delta starts from it). */
  private inUseSnapshot: LocalList | null = null;
  private record: UpdateRecord;
  private ready: Promise<void>;
  private running: Promise<ListStatus> | null = null;
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  private readonly random: () => number;

  constructor(private readonly options: ListUpdatesOptions) {
    this.record = recordFrom(undefined, options.bundled.meta);
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    // When the list in use is known, in ms from the background's start (read by the benchmark).
    this.ready = this.load().finally(() => {
      (globalThis as { sdcListReadyAtMs?: number }).sdcListReadyAtMs = performance.now();
    });
  }

  /** Resolves once the list in use is known (the stored one checked, or the bundled one). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** The list in use, to match with (call once ready): the bundled compact list and the stored one's patch, if any. */
  matchingList(): MatchingList {
    return { bundled: this.options.bundled.compact, patch: this.inUse?.patch ?? null };
  }

  async status(): Promise<ListStatus> {
    await this.ready;
    const { meta } = this.inUse ?? this.options.bundled;
    const { lastChecked, lastVerified, validUntil, lastFailure } = this.record;
    const frozen = isFrozen({ ...this.record, list: { version: meta.version, text: '' } }, this.now());
    const health = lastFailure !== null ? 'failing' : frozen ? 'stale' : 'current';
    return { meta, health, lastChecked, lastVerified, validUntil, lastFailure };
  }

  /** The stored list, if its hash holds; otherwise back to the bundled one (the highest version seen is kept). */
  private async load(): Promise<void> {
    const stored = await (this.options.storedAtStart ?? browser.storage.local.get([...LIST_START_KEYS]));
    this.record = recordFrom(stored[UPDATE_RECORD_KEY], this.options.bundled.meta);
    const list = listInUseFrom(stored[LIST_IN_USE_KEY]);
    if (stored[LIST_IN_USE_KEY] === undefined) return;
    if (list !== null && list.meta.version > this.options.bundled.meta.version && (await listInUseDigest(list)) === list.sha256) {
      this.inUse = list;
      return;
    }
    await browser.storage.local.remove([LIST_IN_USE_KEY, LIST_VERSION_KEY]);
    // An extension update that brings a newer list, or another form of list, makes the stored one old: nothing failed.
    if (list !== null && list.meta.version <= this.options.bundled.meta.version) return;
    const format = storedFormat(stored[LIST_IN_USE_KEY]);
    if (typeof format === 'string' && format !== COMPACT_FORMAT) return;
    const reason = list === null ? 'stored list unreadable' : 'stored list corrupted (hash)';
    this.record = { ...this.record, lastFailure: { reason: 'malformed-list', detail: `${reason}: back to the bundled list`, at: this.now().toISOString() } };
    await browser.storage.local.set({ [UPDATE_RECORD_KEY]: this.record });
  }

  /** The bundled snapshot (a packaged file, read once per start of the background). */
  private bundledList(): Promise<LocalList> {
    this.bundledSnapshot ??= this.options.bundled.snapshot().then((text) => ({ version: this.options.bundled.meta.version, text }));
    return this.bundledSnapshot;
  }

  /** The list the next delta starts from: the stored one's snapshot, rebuilt from the bundled one, or the bundled one. */
  private async localList(): Promise<LocalList> {
    const bundled = await this.bundledList();
    if (this.inUse === null) return bundled;
    if (this.inUseSnapshot?.version === this.inUse.meta.version) return this.inUseSnapshot;
    // Does not fit (cannot happen unless the store was tampered with): a version of 0 asks for the whole snapshot, whose hash is checked anyway.
    this.inUseSnapshot = patchedSnapshot(bundled, this.inUse.meta.version, this.inUse.fromBundled);
    return this.inUseSnapshot ?? { version: 0, text: '' };
  }

  /** One check of the channel, trying each mirror in turn while the failure is the network's. */
  check(): Promise<ListStatus> {
    this.running ??= this.checkOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async checkOnce(): Promise<ListStatus> {
    await this.ready;
    const local = await this.localList();
    const channel = await this.options.channel();
    let update: ListUpdate = { outcome: 'failed', reason: 'network', detail: 'no mirror' };
    let answeredBy = '';
    for (const baseUrl of channel.mirrors) {
      answeredBy = baseUrl;
      update = await fetchListUpdate({
        channel: { baseUrl, fetch: this.fetch },
        local,
        highestSeenVersion: this.record.highestSeenVersion,
        trustedKeys: [...channel.pinnedKeys, ...this.record.learnedKeys],
        clientVersion: this.options.clientVersion,
        now: this.now(),
      });
      if (update.outcome !== 'failed' || update.reason !== 'network') break;
    }
    const now = this.now();
    const state = nextListState({ ...this.record, list: local }, update, now);
    const { list: _list, ...kept } = state;
    this.record = {
      ...kept,
      lastChecked: now.toISOString(),
      consecutiveFailures: update.outcome === 'failed' ? this.record.consecutiveFailures + 1 : 0,
      serverMinimumMinutes: update.outcome === 'failed' ? this.record.serverMinimumMinutes : (update.manifest.minCheckMinutes ?? 0),
    };
    if (update.outcome === 'updated') await this.store(update.list, update.manifest);
    if (update.outcome !== 'failed') {
      const refusal = await this.followEngineDefinitions(update.manifest, answeredBy);
      if (refusal !== null) this.record = { ...this.record, consecutiveFailures: this.record.consecutiveFailures + 1, lastFailure: { ...refusal, at: now.toISOString() } };
    }
    await browser.storage.local.set({ [UPDATE_RECORD_KEY]: this.record });
    await this.schedule(channel.intervalMinutes);
    return this.status();
  }

  /**
   * The engine definitions a verified manifest names become those in use, once their hash and
   * length hold and the schema accepts them within the built manifest's pages; none named: back to
   * the bundled ones. A refusal keeps the definitions in use, and says why.
   */
  private async followEngineDefinitions(manifest: SignedManifest, baseUrl: string): Promise<{ reason: UpdateFailure; detail: string } | null> {
    const stored = (await browser.storage.local.get(ENGINE_DEFINITIONS_KEY))[ENGINE_DEFINITIONS_KEY] as Partial<StoredEngineDefinitions> | undefined;
    if (manifest.engines === undefined) {
      if (stored !== undefined) await browser.storage.local.remove(ENGINE_DEFINITIONS_KEY);
      return null;
    }
    if (stored?.sha256 === manifest.engines.sha256) return null;
    const file = await fetchVerifiedFile({ baseUrl, fetch: this.fetch }, manifest.engines);
    if (!file.ok) return { reason: file.reason, detail: `engine definitions: ${file.detail}` };
    let value: unknown;
    try {
      value = JSON.parse(file.text);
    } catch {
      return { reason: 'malformed-engines', detail: 'engine definitions: not JSON' };
    }
    const reading = readEngineDefinitions(value, this.options.builtMatches);
    if (!reading.ok) return { reason: 'malformed-engines', detail: `engine definitions: ${reading.reason}` };
    const record: StoredEngineDefinitions = { sha256: manifest.engines.sha256, engines: reading.definitions.engines };
    await this.options.beforeListChange();
    await browser.storage.local.set({ [ENGINE_DEFINITIONS_KEY]: record });
    return null;
  }

  /** A verified list becomes the one in use, kept as its difference from the bundled one: the flag first, then the list in one write. */
  private async store(list: LocalList, manifest: SignedManifest): Promise<void> {
    const { compact: patch, fromBundled } = listPatch(await this.bundledList(), list, COMPACT_LIST_CREDIT);
    const record: ListInUse = { meta: listMetaOf(manifest), patch, fromBundled, sha256: await listInUseDigest({ patch, fromBundled }) };
    await this.options.beforeListChange();
    await browser.storage.local.set({ [LIST_IN_USE_KEY]: record, [LIST_VERSION_KEY]: list.version });
    this.inUse = record;
    this.inUseSnapshot = list;
  }

  /** The next check, as a one-shot alarm (alarms survive the worker; `start` re-creates a missing one). */
  async schedule(intervalMinutes?: number): Promise<void> {
    const delayInMinutes = nextCheckDelayMinutes({
      intervalMinutes: intervalMinutes ?? (await this.options.channel()).intervalMinutes ?? DEFAULT_INTERVAL_MINUTES,
      serverMinimumMinutes: this.record.serverMinimumMinutes,
      consecutiveFailures: this.record.consecutiveFailures,
      random: this.random(),
    });
    await browser.alarms.create(UPDATE_ALARM, { delayInMinutes });
  }

  /**
   * At every start of the background: answer alarms, check at browser start and install (a
   * wiped profile starts from the bundled list every session), and re-create a missing alarm.
   */
  async start(): Promise<void> {
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === UPDATE_ALARM) void this.check();
    });
    const checkNow = () => void this.check();
    browser.runtime.onStartup.addListener(checkNow);
    browser.runtime.onInstalled.addListener(checkNow);
    await this.ready;
    if ((await browser.alarms.get(UPDATE_ALARM)) === undefined) await this.schedule();
  }
}

