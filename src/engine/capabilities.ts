import type { SyncMode } from '../protocol/messages.js';
import { cursorFieldOf, type StreamDeclaration } from './declarations.js';

/** What a stream supports follows from its declaration: a cursor makes it incremental (and resumable). */
export function supportedSyncModes(stream: StreamDeclaration): SyncMode[] {
  return cursorFieldOf(stream) === undefined ? ['full_refresh'] : ['full_refresh', 'incremental'];
}

export function supportsIncremental(stream: StreamDeclaration): boolean {
  return cursorFieldOf(stream) !== undefined;
}
