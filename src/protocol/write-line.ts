import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Writes one line, waiting for the reader when the stream is full (back-pressure), unless the reader
 * goes away meanwhile. Once stdout is gone, lines are dropped: nothing could reach anyone.
 */
export async function writeLine(stream: Writable, line: string): Promise<void> {
  if (stream.destroyed || stream.writableEnded || stream.errored !== null) return;
  if (stream.write(line + '\n')) return;
  await Promise.race([once(stream, 'drain'), once(stream, 'close')]).catch(() => undefined);
}
