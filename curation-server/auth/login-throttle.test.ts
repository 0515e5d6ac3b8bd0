import { describe, expect, it } from 'vitest';
import { LoginThrottle, retryDelayMs } from './login-throttle.ts';

const MINUTE = 60_000;

describe('login throttle', () => {
  it('lets a key retry once enough failures have left the window', () => {
    expect(retryDelayMs([0, 1, 2], 5, 15 * MINUTE, 3)).toBe(0);
    expect(retryDelayMs([0, 1 * MINUTE, 2 * MINUTE], 3, 15 * MINUTE, 3 * MINUTE)).toBe(12 * MINUTE);
    expect(retryDelayMs([0, 1 * MINUTE, 2 * MINUTE], 3, 15 * MINUTE, 16 * MINUTE)).toBe(0);
  });

  it('locks an account after five failures, whatever the address, and a success clears it', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 5; i++) throttle.recordFailure({ account: 'a@x.fr', address: `10.0.0.${i}` }, i * 1000);
    expect(throttle.retryAfterMs({ account: 'a@x.fr', address: '10.9.9.9' }, 5000)).toBe(15 * MINUTE - 5000);
    expect(throttle.retryAfterMs({ account: 'b@x.fr', address: '10.9.9.9' }, 5000)).toBe(0);
    expect(throttle.retryAfterMs({ account: 'a@x.fr', address: '10.9.9.9' }, 15 * MINUTE + 1000)).toBe(0);
    const right = throttle.admit({ account: 'a@x.fr', address: '10.0.0.1' }, 15 * MINUTE + 1000);
    if (right.ok) right.attempt.succeeded();
    expect(throttle.retryAfterMs({ account: 'a@x.fr', address: '10.9.9.9' }, 15 * MINUTE + 1000)).toBe(0);
    expect(throttle.admit({ account: 'a@x.fr', address: '10.9.9.9' }, 15 * MINUTE + 1000).ok).toBe(true);
  });

  it('counts an attempt as soon as it is let through, so that simultaneous ones never exceed the limit', () => {
    const throttle = new LoginThrottle({ windowMs: 15 * MINUTE, perAccount: 5, perAddress: 20 });
    // Nothing is reported back yet: six attempts in flight at once.
    const admissions = Array.from({ length: 6 }, () => throttle.admit({ account: 'a@x.fr', address: '10.0.0.1' }, 0));
    expect(admissions.map((admission) => admission.ok)).toEqual([true, true, true, true, true, false]);
    expect(admissions[5]).toEqual({ ok: false, retryAfterMs: 15 * MINUTE });
  });

  it('takes back a successful attempt from its address, and only that one', () => {
    const throttle = new LoginThrottle({ windowMs: 15 * MINUTE, perAccount: 5, perAddress: 3 });
    throttle.admit({ account: 'a@x.fr', address: '10.0.0.1' }, 0);
    throttle.admit({ account: 'b@x.fr', address: '10.0.0.1' }, 1);
    const right = throttle.admit({ account: 'c@x.fr', address: '10.0.0.1' }, 2);
    expect(throttle.retryAfterMs({ account: 'd@x.fr', address: '10.0.0.1' }, 3)).toBeGreaterThan(0);
    if (right.ok) right.attempt.succeeded();
    expect(throttle.retryAfterMs({ account: 'd@x.fr', address: '10.0.0.1' }, 3)).toBe(0);
    expect(throttle.admit({ account: 'd@x.fr', address: '10.0.0.1' }, 3).ok).toBe(true);
    expect(throttle.admit({ account: 'e@x.fr', address: '10.0.0.1' }, 4).ok).toBe(false);
  });

  it('locks an address that tries many accounts', () => {
    const throttle = new LoginThrottle({ windowMs: 15 * MINUTE, perAccount: 5, perAddress: 3 });
    for (let i = 0; i < 3; i++) throttle.recordFailure({ account: `user${i}@x.fr`, address: '10.0.0.1' }, 0);
    expect(throttle.retryAfterMs({ account: 'new@x.fr', address: '10.0.0.1' }, 1)).toBeGreaterThan(0);
    expect(throttle.retryAfterMs({ account: 'new@x.fr', address: '10.0.0.2' }, 1)).toBe(0);
  });
});
