import type { SyncMode } from '../protocol/messages.js';
import { cursorFieldOf, type StreamDeclaration } from './declarations.js';

/** What a stream supports follows from its declaration: a cursor makes it incremental. */
export function supportsIncremental(stream: StreamDeclaration): boolean {
  return cursorFieldOf(stream) !== undefined;
}

export function supportedSyncModes(stream: StreamDeclaration): SyncMode[] {
  return supportsIncremental(stream) ? ['full_refresh', 'incremental'] : ['full_refresh'];
}
