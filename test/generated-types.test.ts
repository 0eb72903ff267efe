import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_TYPES, renderTypes } from '../scripts/generate-types.js';

describe('generated types', () => {
  it.each(GENERATED_TYPES.map((entry) => [entry.output, entry] as const))(
    '%s is fresh (run `npm run generate` after changing a schema)',
    async (output, entry) => {
      expect(readFileSync(output, 'utf8')).toBe(await renderTypes(entry));
    },
  );
});
