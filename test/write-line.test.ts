import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { flushLines, writeLine } from '../src/protocol/write-line.js';

/** A reader slower than the source: every chunk is acknowledged on a later turn of the event loop; it counts lines. */
function slowReader(): Writable & { received: number } {
  const reader = new Writable({
    highWaterMark: 256,
    write(chunk: Buffer, _encoding, done) {
      for (const byte of chunk) if (byte === 10) reader.received++;
      setImmediate(done);
    },
  }) as Writable & { received: number };
  reader.received = 0;
  return reader;
}

const warnings: Error[] = [];
const onWarning = (warning: Error): void => void warnings.push(warning);
afterEach(() => {
  process.off('warning', onWarning);
  warnings.length = 0;
});

describe('writing lines to a slow reader', () => {
  it('waits for the reader on every full buffer and leaves no listener behind, over 100,000 lines', async () => {
    process.on('warning', onWarning);
    const reader = slowReader();
    const baseline = ['drain', 'close', 'error'].map((event) => reader.listenerCount(event));
    const counts = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      await writeLine(reader, `{"type":"RECORD","n":${i}}`);
      if (i % 1_000 === 0) counts.add(['drain', 'close', 'error'].map((event) => reader.listenerCount(event)).join(','));
    }
    await flushLines(reader);
    await new Promise((resolve) => reader.end(resolve));
    expect(reader.received).toBe(100_000);
    expect([...counts]).toEqual([baseline.join(',')]);
    expect(warnings.map((w) => w.name)).toEqual([]);
  });

  it('stops waiting when the reader goes away, and drops what follows', async () => {
    const reader = new Writable({ highWaterMark: 1, write: () => undefined });
    const pending = writeLine(reader, 'first line fills the buffer');
    reader.destroy();
    await pending;
    await writeLine(reader, 'dropped');
    expect(['drain', 'close', 'error'].map((event) => reader.listenerCount(event))).toEqual([0, 0, 0]);
  });
});
