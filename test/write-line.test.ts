import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { flushLines, writeLine } from '../src/protocol/write-line.js';

/** A reader slower than the source: every chunk is acknowledged on a later turn of the event loop; it counts lines. */
function slowReader(acknowledge: (done: () => void) => void = (done) => setImmediate(done)): Writable & { received: number } {
  const reader = new Writable({
    highWaterMark: 256,
    write(chunk: Buffer, _encoding, done) {
      for (const byte of chunk) if (byte === 10) reader.received++;
      acknowledge(done);
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

const listeners = (stream: Writable): string => ['drain', 'close', 'error'].map((event) => stream.listenerCount(event)).join(',');

describe('writing lines to a slow reader', () => {
  it('waits for the reader, keeps what is buffered to about a chunk, and leaves no listener behind, over 100,000 lines', async () => {
    process.on('warning', onWarning);
    const reader = slowReader();
    const baseline = listeners(reader);
    const counts = new Set<string>();
    let mostBuffered = 0;
    for (let i = 0; i < 100_000; i++) {
      await writeLine(reader, `{"type":"RECORD","n":${i}}`);
      mostBuffered = Math.max(mostBuffered, reader.writableLength);
      if (i % 1_000 === 0) counts.add(listeners(reader));
    }
    await flushLines(reader);
    await new Promise((resolve) => reader.end(resolve));
    expect(reader.received).toBe(100_000);
    expect([...counts]).toEqual([baseline]);
    expect(warnings.map((w) => w.name)).toEqual([]);
    // Two 64 kB chunks at most: without back-pressure the reader's buffer would hold most of the 2.7 MB.
    expect(mostBuffered).toBeLessThan(2 * 64 * 1024);
  });

  it('waits too when the lines come one turn of the event loop at a time, as records of one answer after another do', async () => {
    // Slower still: a chunk a millisecond, while the writer offers a line every turn of the event loop.
    const reader = slowReader((done) => setTimeout(done, 1));
    let mostBuffered = 0;
    for (let i = 0; i < 3_000; i++) {
      await writeLine(reader, `{"type":"RECORD","n":${i},"padding":"${'x'.repeat(200)}"}`);
      // Each line in its own turn: only the scheduled flushes hand lines to the stream.
      await new Promise((resolve) => setImmediate(resolve));
      mostBuffered = Math.max(mostBuffered, reader.writableLength);
    }
    await flushLines(reader);
    await new Promise((resolve) => reader.end(resolve));
    expect(reader.received).toBe(3_000);
    expect(mostBuffered).toBeLessThan(2 * 64 * 1024);
  });

  it('stops waiting when the reader goes away, and drops what follows', async () => {
    let accepted = 0;
    // A reader that takes the first chunk and never acknowledges it: the writer must wait for it.
    const reader = new Writable({
      highWaterMark: 16,
      write: () => {
        accepted++;
      },
    });
    const pending = writeLine(reader, 'x'.repeat(70_000));
    expect(pending).toBeInstanceOf(Promise);
    expect(listeners(reader)).toBe('1,1,1');
    reader.destroy();
    await pending;
    expect(writeLine(reader, 'dropped')).toBeUndefined();
    await flushLines(reader);
    expect(accepted).toBe(1);
    expect(listeners(reader)).toBe('0,0,0');
  });
});
