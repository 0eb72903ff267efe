/** A stream to load: its name, JSON Schema and primary key (top-level field names). */
export interface LoadStream {
  name: string;
  jsonSchema: Record<string, unknown>;
  primaryKey: string[];
}

type Json = Record<string, any>;

/**
 * The streams of a catalog as `discover` prints it: the CATALOG message, its `catalog` object, or a configured
 * catalog (`streams[].stream`, whose `primary_key` wins over the source-defined one).
 */
export function streamsOfCatalog(input: unknown): LoadStream[] {
  const value = input as Json | null;
  const catalog = (value?.['type'] === 'CATALOG' ? value['catalog'] : value) as Json | null | undefined;
  const entries = catalog?.['streams'];
  if (!Array.isArray(entries))
    throw new Error(
      'The catalog has no "streams" list: give the CATALOG message of `discover`, its "catalog" object, or a configured catalog',
    );
  return entries.map((entry: Json) => {
    const stream = (entry['stream'] ?? entry) as Json;
    const name = stream['name'];
    if (typeof name !== 'string') throw new Error('A catalog stream has no name');
    const keyPaths = (entry['primary_key'] ?? stream['source_defined_primary_key'] ?? []) as string[][];
    return {
      name,
      jsonSchema: (stream['json_schema'] ?? {}) as Record<string, unknown>,
      primaryKey: keyPaths.map((path) => topLevel(name, path)),
    };
  });
}

function topLevel(stream: string, path: string[]): string {
  if (path.length !== 1 || typeof path[0] !== 'string')
    throw new Error(
      `${stream}: the primary key path ${JSON.stringify(path)} is not one top-level field, which is all a typed table can key on`,
    );
  return path[0];
}
