import { describe, expect, it } from 'vitest';
import { cursorFieldOf, isChild } from '../src/engine/declarations.js';
import { loadSchema } from '../src/schemas.js';
import { STREAMS } from '../src/streams/registry.js';

/** What the engine relies on of the declarations, checked for every stream, present and future. */
describe('the stream registry', () => {
  it('names each stream once, and every child after the list stream that feeds it', () => {
    const names = STREAMS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const [index, stream] of STREAMS.entries()) {
      if (!isChild(stream)) continue;
      const parent = STREAMS.findIndex((s) => s.name === stream.parent);
      expect(STREAMS[parent]?.kind, `${stream.name}'s parent`).toBe('list');
      expect(parent, `${stream.name} comes after ${stream.parent}`).toBeLessThan(index);
    }
  });

  it.each(STREAMS.map((s) => [s.name, s] as const))(
    '%s: its primary key and cursor are required top-level properties of its schema',
    (_name, stream) => {
      const schema = loadSchema(stream.schemaFile) as { properties: Record<string, unknown>; required?: string[] };
      const fields = [
        ...stream.primaryKey.map((path) => path.join('.')),
        ...(cursorFieldOf(stream) === undefined ? [] : [cursorFieldOf(stream)!]),
      ];
      for (const field of fields) {
        expect(schema.properties[field], field).toBeDefined();
        expect(schema.required, field).toContain(field);
      }
    },
  );
});
