import type { StreamDeclaration } from '../engine/declarations.js';
import { profile } from './member-requests.js';

/** The signed-in member's profile: identity, workout counts, FTP and heart-rate settings. */
export const user: StreamDeclaration = {
  name: 'user',
  schemaFile: 'user.json',
  primaryKey: [['id']],
  reads: profile,
  records: (body) => [body],
  onePerItem: true,
};
