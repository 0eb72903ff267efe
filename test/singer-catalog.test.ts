import { describe, expect, it } from 'vitest';
import { selectFromCatalog, singerCatalog } from '../src/singer/catalog.js';
import { cursorFieldOf } from '../src/engine/declarations.js';
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

  it('selects every stream of a catalog straight from --discover (selected-by-default), each in its default mode', () => {
    const selected = selectFromCatalog(singerCatalog(STREAMS), STREAMS).selected;
    expect(selected.map((s) => [s.declaration.name, s.syncMode])).toEqual(
      STREAMS.map((s) => [s.name, cursorFieldOf(s) === undefined ? 'full_refresh' : 'incremental']),
    );
  });

  it('lets "selected" override selected-by-default either way, as the Singer SDK does', () => {
    const catalog = catalogWith((streams) => {
      for (const stream of streams) root(stream)['selected'] = stream['tap_stream_id'] === 'user';
      // No "selected": selected-by-default decides.
      delete root(streams[0]!)['selected'];
      root(streams[1]!)['selected-by-default'] = false;
      delete root(streams[1]!)['selected'];
    });
    expect(selectFromCatalog(catalog, STREAMS).selected.map((s) => s.declaration.name)).toEqual(['workouts', 'user']);
  });

  it('selects a stream that has no root metadata at all, as the Singer SDK does', () => {
    const bare = { streams: [{ tap_stream_id: 'workout_details', schema: {}, metadata: [] }] };
    expect(selectFromCatalog(bare, STREAMS).selected.map((s) => s.declaration.name)).toEqual(['workout_details']);
  });

  it('refuses a catalog that selects nothing, saying how to select a stream', () => {
    const none = catalogWith((streams) => {
      for (const stream of streams) root(stream)['selected'] = false;
    });
    for (const catalog of [none, { streams: [] }]) {
      expect(() => selectFromCatalog(catalog, STREAMS)).toThrow(
        /^The Singer catalog selects no stream, so there is nothing to sync\. To sync a stream, set "selected": true in its root metadata \(the metadata entry with "breadcrumb": \[\]\)/,
      );
    }
  });

  it('honours replication-method FULL_TABLE and the legacy schema.selected flag, in registry order', () => {
    const catalog = catalogWith((streams) => {
      const [workouts, metrics] = streams;
      for (const stream of streams.slice(2)) root(stream)['selected'] = false;
      Object.assign(root(metrics!), { selected: true, 'replication-method': 'FULL_TABLE' });
      delete root(workouts!)['selected-by-default'];
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
    const wrongKey = catalogWith(([workouts]) => Object.assign(root(workouts!), { 'replication-key': 'start_time' }));
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
});
