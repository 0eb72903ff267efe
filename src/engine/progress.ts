import type { Writable } from 'node:stream';

/** Live progress for a person watching a terminal; silent otherwise. */
export interface ProgressReporter {
  estimate(stream: string, rows: number): void;
  record(stream: string): void;
  /** A page of a root list arrived. */
  page(): void;
  stop(): void;
}

export const silentProgress: ProgressReporter = { estimate() {}, record() {}, page() {}, stop() {} };

interface StreamProgress {
  records: number;
  expected: number | undefined;
}

const REDRAW_INTERVAL_MS = 250;

/** One line on stderr, redrawn in place at most four times a second: stream, records, pages, rate, ETA. */
export class TerminalProgress implements ProgressReporter {
  private readonly streams = new Map<string, StreamProgress>();
  private readonly startedAt: number;
  private lastDrawAt = 0;
  private pages = 0;

  constructor(
    private readonly stderr: Writable,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  estimate(stream: string, rows: number): void {
    this.entry(stream).expected = rows;
  }

  record(stream: string): void {
    this.entry(stream).records++;
    this.maybeDraw();
  }

  page(): void {
    this.pages++;
    this.maybeDraw();
  }

  stop(): void {
    if (this.lastDrawAt > 0) this.stderr.write(`\r\x1b[K${this.line()}\n`);
  }

  private entry(stream: string): StreamProgress {
    let entry = this.streams.get(stream);
    if (entry === undefined) this.streams.set(stream, (entry = { records: 0, expected: undefined }));
    return entry;
  }

  private maybeDraw(): void {
    const now = this.now();
    if (now - this.lastDrawAt < REDRAW_INTERVAL_MS) return;
    this.lastDrawAt = now;
    this.stderr.write(`\r\x1b[K${this.line()}`);
  }

  private line(): string {
    const elapsed = Math.max(0.001, (this.now() - this.startedAt) / 1000);
    const streams = [...this.streams.entries()].map(([name, p]) => {
      const rate = p.records / elapsed;
      const left = p.expected === undefined ? undefined : Math.max(0, p.expected - p.records);
      const eta = left === undefined || rate === 0 ? '' : ` · ETA ${formatDuration(left / rate)}`;
      const of = p.expected === undefined ? '' : `/${p.expected}`;
      return `${name} ${p.records}${of} records · ${rate.toFixed(0)}/s${eta}`;
    });
    return [...streams, ...(this.pages > 0 ? [`${this.pages} ${this.pages === 1 ? 'page' : 'pages'}`] : [])].join('  |  ');
  }
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m >= 60 ? `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m` : `${m}:${String(s % 60).padStart(2, '0')}`;
}
