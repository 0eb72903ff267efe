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
      // Only a stream without a cursor is forced; the others default to INCREMENTAL and may be switched to FULL_TABLE.
      const replication = cursorField === undefined ? { 'forced-replication-method': method } : { 'valid-replication-keys': [cursorField] };
      const metadata: MetadataEntry[] = [
        {
          breadcrumb: [],
          metadata: {
            inclusion: 'available',
            'selected-by-default': true,
            'table-key-properties': keys,
            ...replication,
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
 * Which streams a Singer catalog (or legacy --properties file) selects, and how, as the Singer SDK
 * decides it: a stream's root metadata `selected` when present, else its `selected-by-default` (so a
 * catalog straight from --discover selects every stream); a stream without root metadata is selected.
 * The legacy `schema.selected` counts where root metadata has no `selected`. No catalog selects every
 * stream, incrementally where it can. Honours `replication-method` and `replication-key` (root
 * metadata, else the entry's `replication_method` / `replication_key`). A catalog that selects
 * nothing is a config_error.
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
    const rootEntry = metadata.find((m) => Array.isArray(m?.breadcrumb) && breadcrumbOf(m).length === 0)?.metadata;
    const root = rootEntry ?? {};
    if (!isSelected(rootEntry, (entry['schema'] as JsonObject | undefined)?.['selected'])) continue;
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
  if (selection.selected.length === 0) {
    throw configError(
      `The Singer catalog selects no stream, so there is nothing to sync. To sync a stream, set "selected": true in its root metadata (the metadata entry with "breadcrumb": []); a catalog straight from --discover selects every stream. Streams: ${streams.map((s) => s.name).join(', ')}.`,
    );
  }
  // Registry order, as the engine reads them.
  selection.selected.sort((a, b) => streams.indexOf(a.declaration) - streams.indexOf(b.declaration));
  return selection;
}

/** The Singer SDK's rule for a stream: `selected`, else `selected-by-default`; no root metadata at all means selected. */
function isSelected(root: JsonObject | undefined, schemaSelected: unknown): boolean {
  if (root === undefined) return schemaSelected !== false;
  if (root['inclusion'] === 'unsupported') return false;
  if (root['inclusion'] === 'automatic') return true;
  const selected = root['selected'] ?? schemaSelected ?? root['selected-by-default'];
  return selected === true;
}

/** Streams with a cursor replicate incrementally; the others are read whole every time. */
function replicationMethodOf(stream: StreamDeclaration): 'INCREMENTAL' | 'FULL_TABLE' {
  return supportsIncremental(stream) ? 'INCREMENTAL' : 'FULL_TABLE';
}
