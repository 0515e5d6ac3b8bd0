/**
 * Sign-in throttling. Two counts, both taken when an attempt is let through — before its password
 * is hashed, so that simultaneous guesses cannot get past them:
 * - per account *and* client address: five failures, then a wait that doubles at each further
 *   failure, from one minute up to an hour; the right password clears it, a quiet day forgets it;
 * - per client address (IPv6: per /64, what one subscriber gets): twenty failures in fifteen
 *   minutes, whatever the accounts tried.
 * Deliberately, no count per account alone: failing on purpose from anywhere would then lock the
 * administrator out. A guesser with many addresses is held back by the password rules instead
 * (password.ts: twelve characters or more, not a repetition, not a common password).
 * Kept in memory: one server process, and a restart (which an attacker cannot trigger) only forgets.
 */
import { isIP } from 'node:net';

export interface ThrottlePolicy {
  /** Failures one address may make on one account before it has to wait… */
  freeFailures: number;
  /** …this long after its last failure, twice as long after each further one… */
  firstDelayMs: number;
  /** …but never longer than this. */
  maxDelayMs: number;
  /** An address's failures on an account are forgotten after this long without one. */
  pairMemoryMs: number;
  /** Failures allowed per address within the window, over all accounts (trying many accounts). */
  perAddress: number;
  addressWindowMs: number;
}

const MINUTE = 60 * 1000;

export const LOGIN_THROTTLE: ThrottlePolicy = {
  freeFailures: 5,
  firstDelayMs: MINUTE,
  maxDelayMs: 60 * MINUTE,
  pairMemoryMs: 24 * 60 * MINUTE,
  perAddress: 20,
  addressWindowMs: 15 * MINUTE,
};

/** How long an address must wait before trying an account again, after `count` failures, the last at `lastAt`. Pure. */
export function growingDelayMs(count: number, lastAt: number, policy: ThrottlePolicy, now: number): number {
  if (count < policy.freeFailures || now - lastAt >= policy.pairMemoryMs) return 0;
  const delay = Math.min(policy.firstDelayMs * 2 ** (count - policy.freeFailures), policy.maxDelayMs);
  return Math.max(0, lastAt + delay - now);
}

/** How long until a key may try again (0: now), given the times of its recent failures, `limit` per window. Pure. */
export function windowDelayMs(failures: readonly number[], limit: number, windowMs: number, now: number): number {
  const recent = failures.filter((time) => now - time < windowMs);
  if (recent.length < limit) return 0;
  // Allowed again when enough of the failures have left the window.
  const sorted = [...recent].sort((a, b) => a - b);
  return sorted[recent.length - limit] + windowMs - now;
}

/**
 * The address as throttling counts it: an IPv4-mapped IPv6 address as the IPv4 one, any other
 * IPv6 address by its /64 (a subscriber gets a whole /64: counting each address would give one
 * attacker billions of fresh counts). Pure.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped !== null) return mapped[1];
  const bare = address.split('%')[0];
  if (isIP(bare) !== 6) return address;
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])));
  const [head, tail] = bare.toLowerCase().split('::');
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

export interface LoginKeys {
  /** The email as typed, trimmed and lowercased. */
  account: string;
  address: string;
}

/** An attempt let through: already counted as a failure, taken back if the password was right. */
export interface LoginAttempt {
  succeeded(): void;
}

export type LoginAdmission = { ok: true; attempt: LoginAttempt } | { ok: false; retryAfterMs: number };

const MAX_KEYS = 50_000;

export class LoginThrottle {
  /** Per account and address: how many failures, the last one when. */
  private readonly pairs = new Map<string, { count: number; lastAt: number }>();
  /** Per address: the times of its recent failures. */
  private readonly addresses = new Map<string, number[]>();

  constructor(private readonly policy: ThrottlePolicy = LOGIN_THROTTLE) {}

  /** Milliseconds to wait before these keys may try again; 0 when they may try now. */
  retryAfterMs(keys: LoginKeys, now: number): number {
    const pair = this.pairs.get(pairKey(keys));
    return Math.max(
      pair === undefined ? 0 : growingDelayMs(pair.count, pair.lastAt, this.policy, now),
      windowDelayMs(this.addresses.get(addressKey(keys.address)) ?? [], this.policy.perAddress, this.policy.addressWindowMs, now),
    );
  }

  /**
   * Lets an attempt through, or says how long to wait. The attempt counts as a failure at once,
   * before its password is hashed (tens of milliseconds): counted afterwards, a burst of
   * simultaneous guesses would all pass the check before the first one was recorded.
   */
  admit(keys: LoginKeys, now: number): LoginAdmission {
    const retryAfterMs = this.retryAfterMs(keys, now);
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    if (this.pairs.size + this.addresses.size >= MAX_KEYS) this.forgetOld(now);
    const pair = pairKey(keys);
    const previous = this.pairs.get(pair);
    const count = previous === undefined || now - previous.lastAt >= this.policy.pairMemoryMs ? 0 : previous.count;
    this.pairs.set(pair, { count: count + 1, lastAt: now });
    const address = addressKey(keys.address);
    const recent = (this.addresses.get(address) ?? []).filter((time) => now - time < this.policy.addressWindowMs);
    this.addresses.set(address, [...recent, now]);
    return { ok: true, attempt: { succeeded: () => this.succeeded(keys, now) } };
  }

  /**
   * The right password clears what this address did on this account, and takes this attempt back
   * from the address's count, not its other failures: one good password does not vouch for the rest.
   */
  private succeeded(keys: LoginKeys, attemptedAt: number): void {
    this.pairs.delete(pairKey(keys));
    const times = this.addresses.get(addressKey(keys.address)) ?? [];
    const index = times.indexOf(attemptedAt);
    if (index >= 0) times.splice(index, 1);
  }

  private forgetOld(now: number): void {
    for (const [key, pair] of this.pairs) if (now - pair.lastAt >= this.policy.pairMemoryMs) this.pairs.delete(key);
    for (const [key, times] of this.addresses) if (times.every((time) => now - time >= this.policy.addressWindowMs)) this.addresses.delete(key);
  }
}

function pairKey(keys: LoginKeys): string {
  return `${keys.account}\n${addressKey(keys.address)}`;
}
