/**
 * Login rate limiting: failed attempts are counted per account and per client address over a
 * sliding window; past the limit, attempts are refused before any password is checked. Kept in
 * memory: one server process, and a restart (which an attacker cannot trigger) only forgets.
 */
export interface ThrottlePolicy {
  windowMs: number;
  /** Failures allowed per account within the window (guessing one account's password). */
  perAccount: number;
  /** Failures allowed per client address within the window (trying many accounts). */
  perAddress: number;
}

export const LOGIN_THROTTLE: ThrottlePolicy = { windowMs: 15 * 60 * 1000, perAccount: 5, perAddress: 20 };

/** How long until a key may try again (0: now), given the times of its recent failures. Pure. */
export function retryDelayMs(failures: readonly number[], limit: number, windowMs: number, now: number): number {
  const recent = failures.filter((time) => now - time < windowMs);
  if (recent.length < limit) return 0;
  // Allowed again when enough of the failures have left the window.
  const sorted = [...recent].sort((a, b) => a - b);
  return sorted[recent.length - limit] + windowMs - now;
}

export interface LoginKeys {
  account: string;
  address: string;
}

const MAX_KEYS = 50_000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly policy: ThrottlePolicy = LOGIN_THROTTLE) {}

  /** Milliseconds to wait before these keys may try again; 0 when they may try now. */
  retryAfterMs(keys: LoginKeys, now: number): number {
    const { windowMs, perAccount, perAddress } = this.policy;
    return Math.max(
      retryDelayMs(this.failures.get(`account:${keys.account}`) ?? [], perAccount, windowMs, now),
      retryDelayMs(this.failures.get(`address:${keys.address}`) ?? [], perAddress, windowMs, now),
    );
  }

  recordFailure(keys: LoginKeys, now: number): void {
    if (this.failures.size >= MAX_KEYS) this.forgetOlderThan(now - this.policy.windowMs);
    for (const key of [`account:${keys.account}`, `address:${keys.address}`]) {
      const recent = (this.failures.get(key) ?? []).filter((time) => now - time < this.policy.windowMs);
      this.failures.set(key, [...recent, now]);
    }
  }

  /** A successful sign-in clears the account's count (not the address's: one good password does not vouch for the rest). */
  recordSuccess(keys: LoginKeys): void {
    this.failures.delete(`account:${keys.account}`);
  }

  private forgetOlderThan(limit: number): void {
    for (const [key, times] of this.failures) {
      if (times.every((time) => time < limit)) this.failures.delete(key);
    }
  }
}
