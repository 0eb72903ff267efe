import type { SingleObjectStream } from '../engine/declarations.js';
import type { JsonObject } from '../protocol/messages.js';

/** The signed-in member's profile: identity, workout counts, FTP and heart-rate settings. */
export const user: SingleObjectStream = {
  kind: 'single',
  name: 'user',
  schemaFile: 'user.json',
  primaryKey: [['id']],
  path: () => '/api/me',
  toRecord: (profile: JsonObject) => profile,
};
