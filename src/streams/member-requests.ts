import type { ChildRequest, RootRequest } from '../engine/declarations.js';
import type { JsonObject } from '../protocol/messages.js';

const userPath = (userId: string, rest: string): string => `/api/user/${encodeURIComponent(userId)}/${rest}`;

/** The signed-in member's profile. */
export const profile: RootRequest = { kind: 'root', name: 'profile', path: () => '/api/me' };

/** Streaks, personal records, workout and achievement counts. */
export const overviewRequest: RootRequest = {
  kind: 'root',
  name: 'overview',
  path: ({ userId }) => userPath(userId, 'overview'),
  query: () => ({ version: 1 }),
};

/** Badges earned, by category, with how many times each. */
export const achievementList: RootRequest = {
  kind: 'root',
  name: 'achievements',
  path: ({ userId }) => userPath(userId, 'achievements'),
  // What a member without badges gets is unrecorded: a 404 means nothing to read, not a broken sync.
  skipOn: [404],
};

/** The challenges the member has joined and that are running now. */
export const joinedChallenges: RootRequest = {
  kind: 'root',
  name: 'challenges',
  path: ({ userId }) => userPath(userId, 'challenges/current'),
  query: () => ({ has_joined: 'true' }),
  itemsAt: 'challenges',
  // What a member in no challenge gets is unrecorded: a 404 means nothing to read, not a broken sync.
  skipOn: [404],
};

/** One joined challenge's detail: its tiers and the member's progress. */
export const challengeDetail: ChildRequest = {
  kind: 'child',
  name: 'challenge_detail',
  parent: joinedChallenges,
  keyOf: (challenge: JsonObject) => {
    const summary = challenge['challenge_summary'];
    const id = typeof summary === 'object' && summary !== null ? (summary as JsonObject)['id'] : undefined;
    return typeof id === 'string' ? id : undefined;
  },
  path: (challengeId, { userId }) => userPath(userId, `challenge/${encodeURIComponent(challengeId)}`),
  // A challenge that ended between the list and its detail.
  skipOn: [404],
  describe: (challengeId) => `the detail of challenge ${challengeId} (ended?)`,
};
