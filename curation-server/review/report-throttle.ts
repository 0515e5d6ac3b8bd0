/**
 * How many public reports one client address may send: a few at a time is a person (a library's
 * public computers share one address, so the limit is not one), a burst is a script. Counted per
 * address as sign-in throttling counts it (IPv6 by /64), kept in memory only: the address is never
 * stored with a report.
 */
import { addressKey, windowDelayMs } from '../auth/login-throttle.ts';

export interface ReportPolicy {
  perAddress: number;
  windowMs: number;
}

export const REPORT_POLICY: ReportPolicy = { perAddress: 10, windowMs: 15 * 60 * 1000 };

const MAX_ADDRESSES = 50_000;

export class ReportThrottle {
  private readonly addresses = new Map<string, number[]>();

  constructor(private readonly policy: ReportPolicy = REPORT_POLICY) {}

  /** Counts a report from this address, or says how long it must wait (ms) — then nothing is counted. */
  admit(address: string, now: number): { ok: true } | { ok: false; retryAfterMs: number } {
    const key = addressKey(address);
    const recent = (this.addresses.get(key) ?? []).filter((time) => now - time < this.policy.windowMs);
    const retryAfterMs = windowDelayMs(recent, this.policy.perAddress, this.policy.windowMs, now);
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    if (!this.addresses.has(key) && this.addresses.size >= MAX_ADDRESSES) this.forgetOld(now);
    this.addresses.set(key, [...recent, now]);
    return { ok: true };
  }

  private forgetOld(now: number): void {
    for (const [key, times] of this.addresses) if (times.every((time) => now - time >= this.policy.windowMs)) this.addresses.delete(key);
  }
}
