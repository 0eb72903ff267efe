import { describe, expect, it } from 'vitest';
import { cursorFieldOf, rootOf } from '../src/engine/declarations.js';
import { loadSchema } from '../src/schemas.js';
import { STREAMS } from '../src/streams/registry.js';

/** What the engine relies on of the declarations, checked for every stream, present and future. */
describe('the stream registry', () => {
  it('names each stream and each request once', () => {
    const names = STREAMS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const requests = [...new Set(STREAMS.flatMap((s) => [s.reads, rootOf(s)]))];
    expect(new Set(requests.map((r) => r.name)).size).toBe(requests.length);
  });

  it.each(STREAMS.map((s) => [s.name, s] as const))('%s: it is incremental exactly when its root list has a cursor', (_name, stream) => {
    const root = rootOf(stream);
    expect(cursorFieldOf(stream) !== undefined, 'cursor field declared').toBe(root.cursor !== undefined);
    // Ties at one cursor value, and repeated pages, are told apart by the item id.
    if (root.cursor !== undefined || root.pagination !== undefined) expect(root.idField, `${root.name}'s idField`).toBeDefined();
  });

  it.each(STREAMS.map((s) => [s.name, s] as const))(
    '%s: its primary key and cursor are required, non-null top-level properties of its schema',
    (_name, stream) => {
      const schema = loadSchema(stream.schemaFile) as { properties: Record<string, { type?: unknown }>; required?: string[] };
      for (const path of stream.primaryKey) expect(path, 'a primary key names top-level fields').toHaveLength(1);
      const fields = [
        ...stream.primaryKey.map((path) => path.join('.')),
        ...(cursorFieldOf(stream) === undefined ? [] : [cursorFieldOf(stream)!]),
      ];
      for (const field of fields) {
        expect(schema.properties[field], field).toBeDefined();
        expect(schema.required, field).toContain(field);
        expect([schema.properties[field]?.type].flat(), `${field} is never null`).not.toContain('null');
      }
    },
  );
});
