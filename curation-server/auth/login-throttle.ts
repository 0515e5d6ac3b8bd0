/**
 * Login rate limiting: attempts are counted per account and per client address over a sliding
 * window, from the moment they are let through; past the limit, attempts are refused before any
 * password is checked. Kept in memory: one server process, and a restart (which an attacker cannot
 * trigger) only forgets.
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

/** An attempt let through: already counted as a failure, taken back if the password was right. */
export interface LoginAttempt {
  succeeded(): void;
}

export type LoginAdmission = { ok: true; attempt: LoginAttempt } | { ok: false; retryAfterMs: number };

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

  /**
   * Lets an attempt through, or says how long to wait. The attempt counts as a failure at once,
   * before its password is hashed (tens of milliseconds): counted afterwards, a burst of
   * simultaneous guesses would all pass the check before the first one was recorded.
   */
  admit(keys: LoginKeys, now: number): LoginAdmission {
    const retryAfterMs = this.retryAfterMs(keys, now);
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    this.recordFailure(keys, now);
    return { ok: true, attempt: { succeeded: () => this.recordSuccess(keys, now) } };
  }

  recordFailure(keys: LoginKeys, now: number): void {
    if (this.failures.size >= MAX_KEYS) this.forgetOlderThan(now - this.policy.windowMs);
    for (const key of [`account:${keys.account}`, `address:${keys.address}`]) {
      const recent = (this.failures.get(key) ?? []).filter((time) => now - time < this.policy.windowMs);
      this.failures.set(key, [...recent, now]);
    }
  }

  /**
   * A successful sign-in clears the account's count, and takes back the attempt from the
   * address's count, not its other failures: one good password does not vouch for the rest.
   */
  private recordSuccess(keys: LoginKeys, attemptedAt: number): void {
    this.failures.delete(`account:${keys.account}`);
    const address = this.failures.get(`address:${keys.address}`) ?? [];
    const index = address.indexOf(attemptedAt);
    if (index >= 0) address.splice(index, 1);
  }

  private forgetOlderThan(limit: number): void {
    for (const [key, times] of this.failures) {
      if (times.every((time) => time < limit)) this.failures.delete(key);
    }
  }
}
