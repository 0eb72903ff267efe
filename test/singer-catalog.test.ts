import { describe, expect, it } from 'vitest';
import { bookmarksFrom, selectFromCatalog, singerCatalog } from '../src/singer/catalog.js';
import { STREAMS } from '../src/streams/registry.js';

type Catalog = { streams: Array<Record<string, any>> };

function catalogWith(edit: (streams: Catalog['streams']) => void): Catalog {
  const catalog = structuredClone(singerCatalog(STREAMS)) as Catalog;
  edit(catalog.streams);
  return catalog;
}

const root = (stream: Record<string, any>): Record<string, unknown> =>
  stream['metadata'].find((m: any) => m.breadcrumb.length === 0).metadata;

describe('Singer catalog selection', () => {
  it('selects every stream when no catalog is given, incrementally where it has a cursor', () => {
    const selected = selectFromCatalog(undefined, STREAMS).selected;
    expect(selected.map((s) => s.declaration.name)).toEqual(STREAMS.map((s) => s.name));
    expect(selected.map((s) => s.syncMode)).toEqual(STREAMS.map((s) => ('cursorField' in s ? 'incremental' : 'full_refresh')));
    expect(selected.filter((s) => ['workouts', 'workout_metrics'].includes(s.declaration.name)).map((s) => s.syncMode)).toEqual([
      'incremental',
      'incremental',
    ]);
  });

  it('selects nothing that is not marked selected', () => {
    expect(selectFromCatalog(singerCatalog(STREAMS), STREAMS).selected).toEqual([]);
  });

  it('honours replication-method FULL_TABLE and the legacy schema.selected flag, parents first', () => {
    const catalog = catalogWith((streams) => {
      const [workouts, metrics] = streams;
      Object.assign(root(metrics!), { selected: true, 'replication-method': 'FULL_TABLE' });
      workouts!['schema'].selected = true;
      // The catalog lists the child before its parent; the selection must not.
      streams.reverse();
    });
    expect(selectFromCatalog(catalog, STREAMS).selected.map((s) => [s.declaration.name, s.syncMode])).toEqual([
      ['workouts', 'incremental'],
      ['workout_metrics', 'full_refresh'],
    ]);
  });

  it('refuses a replication key other than the cursor, and an unknown stream', () => {
    const wrongKey = catalogWith(([workouts]) => Object.assign(root(workouts!), { selected: true, 'replication-key': 'start_time' }));
    expect(() => selectFromCatalog(wrongKey, STREAMS)).toThrow(/can only replicate on 'created_at'/);
    expect(() => selectFromCatalog({ streams: [{ tap_stream_id: 'rides' }] }, STREAMS)).toThrow(/'rides', which this tap does not have/);
  });

  it('never drops automatic properties even if deselected', () => {
    const catalog = catalogWith(([workouts]) => {
      root(workouts!)['selected'] = true;
      for (const m of workouts!['metadata']) if (m.breadcrumb[1] === 'id' || m.breadcrumb[1] === 'title') m.metadata.selected = false;
    });
    expect([...(selectFromCatalog(catalog, STREAMS).deselected.get('workouts') ?? [])]).toEqual(['title']);
  });

  it('reads bookmarks from a state file, a STATE message or its value', () => {
    const bookmarks = { workouts: { created_at: 5 } };
    expect(bookmarksFrom({ bookmarks })).toEqual(bookmarks);
    expect(bookmarksFrom({ type: 'STATE', value: { bookmarks } })).toEqual(bookmarks);
    expect(bookmarksFrom({ value: { bookmarks } })).toEqual(bookmarks);
    expect(bookmarksFrom({})).toEqual({});
    expect(() => bookmarksFrom({ bookmarks: [1] })).toThrow(/bookmarks/);
  });
});
