import type { ConnectorError } from '../errors.js';
import type { JsonObject, SyncMode } from '../protocol/messages.js';
import { rootOf, type RequestScope, type StreamDeclaration } from './declarations.js';
import { ChildNode, RootNode, type ReadNode } from './nodes.js';
import type { ReadContext } from './read-context.js';
import { readRoot } from './read-root.js';
import { StreamReader } from './stream-reader.js';

export interface SelectedStream {
  declaration: StreamDeclaration;
  syncMode: SyncMode;
}

export interface StreamOutcome {
  name: string;
  records: number;
  failure: ConnectorError | undefined;
}

/**
 * Reads the selected streams, root request by root request in registry order. Each root is read once for
 * every selected stream that depends on it, and each child request is made once per item for every
 * selected stream that reads it, whatever their cursors.
 */
export async function readStreams(
  ctx: ReadContext,
  scope: RequestScope,
  all: readonly StreamDeclaration[],
  selected: SelectedStream[],
  states: Map<string, JsonObject>,
): Promise<StreamOutcome[]> {
  const readers = selected.map(({ declaration, syncMode }) => new StreamReader(ctx, declaration, syncMode, states.get(declaration.name)));
  const outcomes: StreamOutcome[] = [];
  for (const root of [...new Set(all.map(rootOf))]) {
    const group = readers.filter((reader) => rootOf(reader.stream) === root);
    if (group.length === 0) continue;
    const nodes: ReadNode[] = [];
    const direct = group.filter((reader) => reader.stream.reads === root);
    if (direct.length > 0) nodes.push(new RootNode(ctx, scope, direct));
    for (const request of new Set(group.map((reader) => reader.stream.reads))) {
      if (request.kind === 'child')
        nodes.push(
          new ChildNode(
            ctx,
            scope,
            group.filter((reader) => reader.stream.reads === request),
            request,
          ),
        );
    }
    await readRoot(ctx, root, scope, nodes);
    outcomes.push(...group.map((reader) => ({ name: reader.name, records: reader.emitted, failure: reader.failure })));
  }
  return outcomes;
}
