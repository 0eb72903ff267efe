import { once } from 'node:events';
import type { Writable } from 'node:stream';

let sealed = false;

/**
 * After a crash report, nothing more may follow it on stdout: the run is in an unknown state, so no
 * later record or state may reach the platform. Process-wide on purpose: a crash is process-wide.
 */
export function sealOutput(): void {
  sealed = true;
}

/**
 * Writes one line, waiting for the reader when the stream is full (back-pressure), unless the reader
 * goes away meanwhile. Once stdout is gone, lines are dropped: nothing could reach anyone.
 */
export async function writeLine(stream: Writable, line: string): Promise<void> {
  if (sealed || stream.destroyed || stream.writableEnded || stream.errored !== null) return;
  if (stream.write(line + '\n')) return;
  await Promise.race([once(stream, 'drain'), once(stream, 'close')]).catch(() => undefined);
}
