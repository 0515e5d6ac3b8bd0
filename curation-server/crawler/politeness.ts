/**
 * Being a good citizen: one request at a time per host, with a pause between two requests to the
 * same host, and a global rate (requests per second) across all hosts.
 */

/** Serialises the requests to each host and spaces them by `delayMs`. */
export class HostGate {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly delayMs: number) {}

  /** Runs `task` when the host is free; the next request to it waits for `task` to end, then the delay. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => done);
    this.tails.set(host, tail);
    await previous;
    try {
      return await task();
    } finally {
      const pause = this.delayMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, this.delayMs).unref()) : Promise.resolve();
      void pause.then(() => {
        release();
        // Forget idle hosts, so that a pass over 45,000 hosts keeps no entry per host.
        if (this.tails.get(host) === tail) this.tails.delete(host);
      });
    }
  }

  /** Hosts with a request running or waiting (for tests and the benchmark). */
  get busyHosts(): number {
    return this.tails.size;
  }
}

/** A token bucket: at most `perSecond` requests start in any second, in small bursts. */
export class RateLimiter {
  private tokens: number;
  private last = performance.now();
  private readonly burst: number;
  private queue: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly perSecond: number) {
    this.burst = Math.max(1, Math.ceil(perSecond / 10));
    this.tokens = this.burst;
  }

  private refill(): void {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  private drain = (): void => {
    this.timer = null;
    this.refill();
    while (this.queue.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      this.queue.shift()?.();
    }
    if (this.queue.length > 0) this.timer = setTimeout(this.drain, Math.max(1, ((1 - this.tokens) / this.perSecond) * 1000));
  };

  take(): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push(resolve);
      if (this.timer === null) this.drain();
    });
  }
}
