import type { SyncMode } from '../protocol/messages.js';
import { cursorFieldOf, type StreamDeclaration } from './declarations.js';

/** What a stream supports follows from its declaration: a cursor makes it incremental (and resumable). */
export function supportedSyncModes(stream: StreamDeclaration): SyncMode[] {
  return cursorFieldOf(stream) === undefined ? ['full_refresh'] : ['full_refresh', 'incremental'];
}

export function supportsIncremental(stream: StreamDeclaration): boolean {
  return cursorFieldOf(stream) !== undefined;
}

/** The streams a list stream feeds, and the list it reads, must be declared in that order. */
export function checkRegistry(streams: readonly StreamDeclaration[]): string[] {
  const problems: string[] = [];
  streams.forEach((stream, index) => {
    if (streams.findIndex((s) => s.name === stream.name) !== index) problems.push(`stream '${stream.name}' is declared twice`);
    if (stream.kind !== 'per_record' && stream.kind !== 'per_distinct_value') return;
    const parent = streams.findIndex((s) => s.name === stream.parent);
    if (parent < 0 || streams[parent]?.kind !== 'list')
      problems.push(`stream '${stream.name}' names '${stream.parent}', which is not a list stream`);
    else if (parent > index) problems.push(`stream '${stream.name}' is declared before its parent '${stream.parent}'`);
  });
  return problems;
}
