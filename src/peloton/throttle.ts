import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The request budget of one run, shared by every request: at most `maxConcurrency` in flight
 * (a FIFO semaphore) and request starts spaced `1 / requestsPerSecond` apart (0 = no spacing).
 */
export class Throttle {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private nextStartAt = 0;
  private readonly spacingMs: number;

  constructor(
    private readonly maxConcurrency: number,
    requestsPerSecond: number,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number, signal?: AbortSignal) => Promise<unknown> = (ms, signal) =>
      sleep(ms, undefined, signal === undefined ? {} : { signal }),
  ) {
    this.spacingMs = requestsPerSecond > 0 ? 1000 / requestsPerSecond : 0;
  }

  /** Runs `task` within the concurrency limit; an `urgent` task waits at the front of the queue. */
  async run<T>(task: () => Promise<T>, urgent = false): Promise<T> {
    if (this.active >= this.maxConcurrency) {
      await new Promise<void>((resolve) => (urgent ? this.waiting.unshift(resolve) : this.waiting.push(resolve)));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next === undefined) this.active--;
      else next();
    }
  }

  /** Waits for this request's turn under the rate limit (every attempt, retries included); resolves to its start time. */
  async pace(signal?: AbortSignal): Promise<number> {
    const now = this.now();
    if (this.spacingMs === 0) return now;
    const startAt = Math.max(now, this.nextStartAt);
    this.nextStartAt = startAt + this.spacingMs;
    if (startAt > now) await this.wait(startAt - now, signal);
    return startAt;
  }
}
