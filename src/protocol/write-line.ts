import type { Writable } from 'node:stream';

let sealed = false;

/** Lines are handed to the stream in chunks of about this size: one write per line would cost a system call each. */
const CHUNK_BYTES = 64 * 1024;

interface Pending {
  lines: string[];
  size: number;
  scheduled: boolean;
}

const pendingByStream = new WeakMap<Writable, Pending>();

function pendingOf(stream: Writable): Pending {
  let pending = pendingByStream.get(stream);
  if (pending === undefined) pendingByStream.set(stream, (pending = { lines: [], size: 0, scheduled: false }));
  return pending;
}

/**
 * After a crash report, nothing more may follow it on stdout: the run is in an unknown state, so no
 * later record or state may reach the platform. Lines written before (the report included) still go out.
 * Process-wide on purpose: a crash is process-wide.
 */
export function sealOutput(): void {
  sealed = true;
}

/**
 * Writes one line. Lines are gathered and handed to the stream in chunks, at the latest on the next turn
 * of the event loop (or by flushLines). While the stream is full the returned promise waits for the reader
 * (back-pressure), unless the reader goes away meanwhile, so what Node buffers stays about one chunk. Once
 * the stream is gone, lines are dropped: nothing could reach anyone. Returns a promise only when there is
 * something to wait for (a chunk went out): a record costs no promise on the hot path.
 */
export function writeLine(stream: Writable, line: string): Promise<void> | undefined {
  if (sealed || gone(stream)) return undefined;
  const pending = pendingOf(stream);
  pending.lines.push(line);
  pending.size += line.length + 1;
  // A full chunk goes out now; so does anything while the reader is behind, and the writer then waits for it.
  if (pending.size >= CHUNK_BYTES || stream.writableNeedDrain) return flushLines(stream);
  if (!pending.scheduled) {
    pending.scheduled = true;
    setImmediate(() => void flushLines(stream));
  }
  return undefined;
}

/** Hands every gathered line to the stream now, and waits for the reader if the stream is full. */
export async function flushLines(stream: Writable): Promise<void> {
  const pending = pendingByStream.get(stream);
  if (pending === undefined || pending.lines.length === 0) return;
  const chunk = pending.lines.join('\n') + '\n';
  pending.lines = [];
  pending.size = 0;
  pending.scheduled = false;
  if (gone(stream)) return;
  if (stream.write(chunk)) return;
  await writable(stream);
}

const gone = (stream: Writable): boolean => stream.destroyed || stream.writableEnded || stream.errored !== null;

/** Resolves when the stream drains, closes or fails, leaving no listener behind whichever comes first. */
function writable(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const settle = (): void => {
      stream.off('drain', settle);
      stream.off('close', settle);
      stream.off('error', settle);
      resolve();
    };
    stream.on('drain', settle);
    stream.on('close', settle);
    stream.on('error', settle);
  });
}
