import type { StreamDeclaration } from '../engine/declarations.js';
import { selectAt } from '../engine/selectors.js';
import type { Achievement } from '../generated/achievements.js';
import type { JsonObject } from '../protocol/messages.js';
import { achievementList } from './member-requests.js';

/** One row per badge earned, with its category and how many times. */
export const achievements: StreamDeclaration = {
  name: 'achievements',
  schemaFile: 'achievements.json',
  primaryKey: [['category'], ['id']],
  reads: achievementList,
  *records(body): Generator<Achievement> {
    for (const { element, outer } of selectAt(body, 'categories[].achievements[]')) {
      const { template, ...rest } = element;
      const fields = (typeof template === 'object' && template !== null ? template : {}) as JsonObject;
      yield { ...rest, ...fields, id: fields['id'] as string, category: outer[0]?.['slug'] as string };
    }
  },
};
