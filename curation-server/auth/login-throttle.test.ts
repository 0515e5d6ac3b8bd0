import { describe, expect, it } from 'vitest';
import { addressKey, growingDelayMs, LOGIN_THROTTLE, type LoginKeys, LoginThrottle, windowDelayMs } from './login-throttle.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** `count` failed attempts of these keys at time `at` (each let through, none succeeding). */
function fail(throttle: LoginThrottle, keys: LoginKeys, at: number, count = 1): void {
  for (let i = 0; i < count; i++) expect(throttle.admit(keys, at).ok).toBe(true);
}

describe('login throttle', () => {
  it('makes an address wait after five failures on an account, twice as long at each further one, up to an hour', () => {
    expect([4, 5, 6, 7, 10, 20].map((count) => growingDelayMs(count, 0, LOGIN_THROTTLE, 0))).toEqual([0, MINUTE, 2 * MINUTE, 4 * MINUTE, 32 * MINUTE, HOUR]);
    expect(growingDelayMs(6, 0, LOGIN_THROTTLE, 90_000)).toBe(30_000);
    expect(growingDelayMs(20, 0, LOGIN_THROTTLE, 24 * HOUR)).toBe(0);

    const throttle = new LoginThrottle();
    const keys = { account: 'a@x.fr', address: '10.0.0.1' };
    fail(throttle, keys, 0, 5);
    expect(throttle.admit(keys, 1000)).toEqual({ ok: false, retryAfterMs: MINUTE - 1000 });
    fail(throttle, keys, MINUTE);
    expect(throttle.admit(keys, MINUTE + 1000)).toEqual({ ok: false, retryAfterMs: 2 * MINUTE - 1000 });
    fail(throttle, keys, 3 * MINUTE);
    expect(throttle.retryAfterMs(keys, 3 * MINUTE)).toBe(4 * MINUTE);
  });

  it('does not lock the account for other addresses, however many failures one address makes', () => {
    const throttle = new LoginThrottle();
    fail(throttle, { account: 'admin@x.fr', address: '10.0.0.1' }, 0, 5);
    // Each failure as soon as it is allowed: at 1, 3, 7, 15 and 31 minutes (waits of 1, 2, 4, 8, 16).
    for (const minute of [1, 3, 7, 15, 31]) fail(throttle, { account: 'admin@x.fr', address: '10.0.0.1' }, minute * MINUTE);
    expect(throttle.retryAfterMs({ account: 'admin@x.fr', address: '10.0.0.1' }, 32 * MINUTE)).toBe(31 * MINUTE);
    expect(throttle.retryAfterMs({ account: 'admin@x.fr', address: '192.0.2.7' }, 32 * MINUTE)).toBe(0);
    expect(throttle.admit({ account: 'admin@x.fr', address: '192.0.2.7' }, 32 * MINUTE).ok).toBe(true);
  });

  it('counts an attempt as soon as it is let through, so that simultaneous ones never exceed the limit', () => {
    const throttle = new LoginThrottle();
    // Nothing is reported back yet: six attempts in flight at once.
    const admissions = Array.from({ length: 6 }, () => throttle.admit({ account: 'a@x.fr', address: '10.0.0.1' }, 0));
    expect(admissions.map((admission) => admission.ok)).toEqual([true, true, true, true, true, false]);
    expect(admissions[5]).toEqual({ ok: false, retryAfterMs: MINUTE });
  });

  it('clears what an address did on an account at the right password, and takes back only that attempt from the address', () => {
    const throttle = new LoginThrottle({ ...LOGIN_THROTTLE, perAddress: 6 });
    const keys = { account: 'a@x.fr', address: '10.0.0.1' };
    fail(throttle, keys, 0, 4);
    fail(throttle, { account: 'b@x.fr', address: '10.0.0.1' }, 0);
    const right = throttle.admit(keys, 1);
    if (!right.ok) throw new Error('refused');
    expect(throttle.retryAfterMs({ account: 'c@x.fr', address: '10.0.0.1' }, 2)).toBeGreaterThan(0);
    right.attempt.succeeded();
    // The address has five failures left (four on a@, one on b@): one more attempt, not two.
    expect(throttle.admit({ account: 'c@x.fr', address: '10.0.0.1' }, 2).ok).toBe(true);
    expect(throttle.admit({ account: 'd@x.fr', address: '10.0.0.1' }, 3).ok).toBe(false);
    // a@ from this address starts again from nothing once the address may try again.
    fail(throttle, keys, 15 * MINUTE, 5);
  });

  it('limits an address that tries many accounts to twenty failures in fifteen minutes', () => {
    expect(windowDelayMs([0, 1 * MINUTE, 2 * MINUTE], 3, 15 * MINUTE, 3 * MINUTE)).toBe(12 * MINUTE);
    expect(windowDelayMs([0, 1 * MINUTE, 2 * MINUTE], 3, 15 * MINUTE, 16 * MINUTE)).toBe(0);
    const throttle = new LoginThrottle();
    for (let i = 0; i < 20; i++) fail(throttle, { account: `user${i}@x.fr`, address: '10.0.0.1' }, i * 1000);
    expect(throttle.admit({ account: 'new@x.fr', address: '10.0.0.1' }, 20_000)).toEqual({ ok: false, retryAfterMs: 15 * MINUTE - 20_000 });
    expect(throttle.retryAfterMs({ account: 'new@x.fr', address: '10.0.0.2' }, 20_000)).toBe(0);
    expect(throttle.retryAfterMs({ account: 'new@x.fr', address: '10.0.0.1' }, 15 * MINUTE)).toBe(0);
  });

  it('forgets an address’s failures on an account after a day without one', () => {
    const throttle = new LoginThrottle();
    const keys = { account: 'a@x.fr', address: '10.0.0.1' };
    fail(throttle, keys, 0, 5);
    expect(throttle.retryAfterMs(keys, 24 * HOUR - 1)).toBe(0);
    fail(throttle, keys, 24 * HOUR, 5);
    expect(throttle.retryAfterMs(keys, 24 * HOUR)).toBe(MINUTE);
  });

  it('counts an IPv6 address by its /64, and an IPv4-mapped one as IPv4', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0DB8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('unknown')).toBe('unknown');
    const throttle = new LoginThrottle();
    for (let i = 0; i < 20; i++) fail(throttle, { account: `user${i}@x.fr`, address: `2001:db8:1:2::${i.toString(16)}` }, 0);
    expect(throttle.retryAfterMs({ account: 'new@x.fr', address: '2001:db8:1:2:abcd::1' }, 1)).toBeGreaterThan(0);
    expect(throttle.retryAfterMs({ account: 'new@x.fr', address: '2001:db8:1:3::1' }, 1)).toBe(0);
  });
});
