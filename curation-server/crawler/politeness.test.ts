import { describe, expect, it } from 'vitest';
import { HostGate, RateLimiter } from './politeness.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('HostGate', () => {
  it('never runs two tasks of one host at once, and runs other hosts alongside', async () => {
    const gate = new HostGate(2);
    const running = new Map<string, number>();
    let mostPerHost = 0;
    let mostOverall = 0;
    const task = (host: string) =>
      gate.run(host, async () => {
        running.set(host, (running.get(host) ?? 0) + 1);
        mostPerHost = Math.max(mostPerHost, ...running.values());
        mostOverall = Math.max(mostOverall, [...running.values()].reduce((a, b) => a + b, 0));
        await tick();
        await tick();
        running.set(host, (running.get(host) ?? 0) - 1);
      });
    await Promise.all(['a.fr', 'a.fr', 'b.fr', 'a.fr', 'b.fr', 'c.fr'].map(task));
    expect(mostPerHost).toBe(1);
    expect(mostOverall).toBeGreaterThan(1);
  });

  it('runs one host’s tasks in the order they came, and forgets idle hosts', async () => {
    const gate = new HostGate(1);
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => gate.run('a.fr', async () => void order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
    while (gate.busyHosts > 0) await tick();
    expect(gate.busyHosts).toBe(0);
  });

  it('lets the next task run after one that failed', async () => {
    const gate = new HostGate(0);
    await expect(gate.run('a.fr', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run('a.fr', async () => 'next')).resolves.toBe('next');
  });
});

describe('RateLimiter', () => {
  it('lets every waiting request through, in order', async () => {
    const limiter = new RateLimiter(500);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 120 }, (_, i) => limiter.take().then(() => order.push(i))));
    expect(order).toEqual(Array.from({ length: 120 }, (_, i) => i));
  });
});
