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

  /**
   * Runs `task` within the concurrency limit; an `urgent` task waits at the front of the queue. A task whose
   * `signal` aborts while it waits leaves the queue at once (rejected with the signal's reason).
   */
  async run<T>(task: () => Promise<T>, urgent = false, signal?: AbortSignal): Promise<T> {
    if (this.active >= this.maxConcurrency) await this.turn(urgent, signal);
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next === undefined) this.active--;
      else next();
    }
  }

  /** Resolves when a running task hands its slot over; the listener on `signal` lives only while waiting. */
  private turn(urgent: boolean, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted === true) {
        reject(signal.reason as Error);
        return;
      }
      const onAbort = (): void => {
        const index = this.waiting.indexOf(take);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason as Error);
      };
      const take = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      if (urgent) this.waiting.unshift(take);
      else this.waiting.push(take);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
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
