import { supportsIncremental } from '../engine/capabilities.js';
import { cursorFieldOf, parentStreamOf, type StreamDeclaration } from '../engine/declarations.js';
import type { SelectedStream } from '../engine/read.js';
import { configError } from '../errors.js';
import type { JsonObject } from '../protocol/messages.js';
import { loadSchema } from '../schemas.js';

interface MetadataEntry {
  breadcrumb: string[];
  metadata: JsonObject;
}

/** The Singer catalog `--discover` prints: each stream with its schema and standard metadata. */
export function singerCatalog(streams: readonly StreamDeclaration[]): JsonObject {
  return {
    streams: streams.map((stream) => {
      const schema = loadSchema(stream.schemaFile);
      const keys = stream.primaryKey.map((path) => path.join('.'));
      const cursorField = cursorFieldOf(stream);
      const method = replicationMethodOf(stream);
      const properties = Object.keys(schema['properties'] ?? {});
      const parent = parentStreamOf(stream, streams);
      const metadata: MetadataEntry[] = [
        {
          breadcrumb: [],
          metadata: {
            inclusion: 'available',
            'selected-by-default': true,
            'table-key-properties': keys,
            ...(cursorField === undefined ? {} : { 'valid-replication-keys': [cursorField] }),
            'forced-replication-method': method,
            ...(parent === undefined ? {} : { 'parent-tap-stream-id': parent.name }),
          },
        },
        ...properties.map((property) => ({
          breadcrumb: ['properties', property],
          metadata: { inclusion: keys.includes(property) || property === cursorField ? 'automatic' : 'available' },
        })),
      ];
      return {
        tap_stream_id: stream.name,
        stream: stream.name,
        schema,
        key_properties: keys,
        ...(cursorField === undefined ? {} : { replication_key: cursorField }),
        replication_method: method,
        metadata,
      };
    }),
  };
}

export interface SingerSelection {
  selected: SelectedStream[];
  /** Top-level properties the catalog deselected, per stream. */
  deselected: Map<string, Set<string>>;
}

/**
 * Which streams a Singer catalog (or legacy --properties file) selects, and how. No catalog selects
 * every stream, incrementally. Honours `selected` (metadata or, legacy, the schema), `replication-method`
 * and `replication-key`.
 */
export function selectFromCatalog(input: unknown, streams: readonly StreamDeclaration[]): SingerSelection {
  const selection: SingerSelection = { selected: [], deselected: new Map() };
  if (input === undefined) {
    selection.selected = streams.map((declaration) => ({
      declaration,
      syncMode: replicationMethodOf(declaration) === 'INCREMENTAL' ? 'incremental' : 'full_refresh',
    }));
    return selection;
  }
  const fail = (why: string): never => {
    throw configError(`The Singer catalog is invalid: ${why}. Run with --discover to get one.`);
  };
  const entries = typeof input === 'object' && input !== null ? (input as { streams?: unknown }).streams : undefined;
  if (!Array.isArray(entries)) return fail('it must have a "streams" list');
  for (const [index, raw] of entries.entries()) {
    const entry = (raw ?? {}) as JsonObject;
    const name = entry['tap_stream_id'] ?? entry['stream'];
    const declaration = streams.find((s) => s.name === name);
    if (declaration === undefined) return fail(`streams[${index}] is '${String(name)}', which this tap does not have`);
    // Entries from a file: any of them may lack a breadcrumb or metadata.
    const metadata = (Array.isArray(entry['metadata']) ? entry['metadata'] : []) as Array<Partial<MetadataEntry> | null>;
    const breadcrumbOf = (m: Partial<MetadataEntry> | null): unknown[] => (Array.isArray(m?.breadcrumb) ? m.breadcrumb : []);
    const root = metadata.find((m) => Array.isArray(m?.breadcrumb) && breadcrumbOf(m).length === 0)?.metadata ?? {};
    const schemaSelected = (entry['schema'] as JsonObject | undefined)?.['selected'];
    const selected = root['selected'] ?? schemaSelected ?? false;
    if (selected !== true) continue;
    const cursorField = cursorFieldOf(declaration);
    const method = root['replication-method'] ?? entry['replication_method'] ?? replicationMethodOf(declaration);
    if (method !== 'INCREMENTAL' && method !== 'FULL_TABLE')
      return fail(`stream '${declaration.name}' asks for replication-method ${JSON.stringify(method)}; supported: INCREMENTAL, FULL_TABLE`);
    if (method === 'INCREMENTAL' && cursorField === undefined)
      return fail(`stream '${declaration.name}' has no replication key and supports only FULL_TABLE, not INCREMENTAL`);
    const key = root['replication-key'] ?? entry['replication_key'];
    if (key !== undefined && key !== cursorField)
      return fail(
        `stream '${declaration.name}' ${cursorField === undefined ? 'has no replication key' : `can only replicate on '${cursorField}'`}, not ${JSON.stringify(key)}`,
      );
    selection.selected.push({ declaration, syncMode: method === 'FULL_TABLE' ? 'full_refresh' : 'incremental' });
    const dropped = new Set(
      metadata
        .filter(
          (m) =>
            breadcrumbOf(m).length === 2 &&
            breadcrumbOf(m)[0] === 'properties' &&
            m?.metadata?.['selected'] === false &&
            m.metadata['inclusion'] !== 'automatic',
        )
        .map((m) => String(breadcrumbOf(m)[1])),
    );
    if (dropped.size > 0) selection.deselected.set(declaration.name, dropped);
  }
  // Parents before children, as the engine reads them.
  selection.selected.sort((a, b) => streams.indexOf(a.declaration) - streams.indexOf(b.declaration));
  return selection;
}

/** Bookmarks from a Singer state file: {"bookmarks": …}, or a STATE message / its value. */
export function bookmarksFrom(input: unknown): Record<string, JsonObject> {
  if (input === undefined || input === null) return {};
  const object = input as JsonObject;
  const value = (object['type'] === 'STATE' ? object['value'] : (object['value'] ?? object)) as JsonObject | undefined;
  const bookmarks = value?.['bookmarks'];
  if (bookmarks === undefined) return {};
  if (typeof bookmarks !== 'object' || bookmarks === null || Array.isArray(bookmarks)) {
    throw configError('The Singer state is invalid: "bookmarks" must be an object keyed by stream name.');
  }
  return bookmarks as Record<string, JsonObject>;
}

/** Streams with a cursor replicate incrementally; the others are read whole every time. */
function replicationMethodOf(stream: StreamDeclaration): 'INCREMENTAL' | 'FULL_TABLE' {
  return supportsIncremental(stream) ? 'INCREMENTAL' : 'FULL_TABLE';
}
