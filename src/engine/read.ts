import type { ConnectorError } from '../errors.js';
import type { JsonObject, SyncMode } from '../protocol/messages.js';
import { PerDistinctValueConsumer, PerRecordConsumer } from './child-consumers.js';
import { ListConsumer, type Prepared, type StreamConsumer } from './consumers.js';
import { isChild, type ListStream, type RequestScope, type StreamDeclaration } from './declarations.js';
import { readPages, type Page } from './pager.js';
import type { ReadContext } from './read-context.js';
import { readAhead } from './read-ahead.js';
import { readSingleObject } from './single-object.js';

/** Besides every page: a sync killed mid-page replays at most this many records per stream. */
const CHECKPOINT_EVERY_RECORDS = 10;

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
 * Reads the selected streams in registry order. A single-object stream is one request; a list stream
 * is read once, feeding itself (if selected) and every selected child, so all of them share one pass
 * over the list.
 */
export async function readStreams(
  ctx: ReadContext,
  scope: RequestScope,
  all: readonly StreamDeclaration[],
  selected: SelectedStream[],
  states: Map<string, JsonObject>,
): Promise<StreamOutcome[]> {
  const outcomes: StreamOutcome[] = [];
  for (const root of all) {
    if (root.kind === 'single') {
      if (selected.some((s) => s.declaration === root)) outcomes.push(await readSingleObject(ctx, root, scope));
      continue;
    }
    if (root.kind !== 'list') continue;
    const consumers = consumersOf(ctx, root, scope, selected, states);
    if (consumers.length === 0) continue;
    await readGroup(ctx, root, scope, consumers);
    outcomes.push(...consumers.map((c) => ({ name: c.name, records: c.emitted, failure: c.failure })));
  }
  return outcomes;
}

function consumersOf(
  ctx: ReadContext,
  root: ListStream,
  scope: RequestScope,
  selected: SelectedStream[],
  states: Map<string, JsonObject>,
): StreamConsumer[] {
  const consumers: StreamConsumer[] = [];
  for (const { declaration, syncMode } of selected) {
    const state = states.get(declaration.name);
    if (declaration === root) consumers.push(new ListConsumer(ctx, root, syncMode, state));
    else if (isChild(declaration) && declaration.parent === root.name) {
      consumers.push(
        declaration.kind === 'per_record'
          ? new PerRecordConsumer(ctx, declaration, scope, syncMode, state)
          : new PerDistinctValueConsumer(ctx, declaration, scope, syncMode, state),
      );
    }
  }
  return consumers;
}

interface PreparedPage {
  page: Page;
  prepared: Prepared[][];
}

async function* preparePages(pages: AsyncGenerator<Page>, consumers: StreamConsumer[]): AsyncGenerator<PreparedPage> {
  for await (const page of pages) {
    yield { page, prepared: page.records.map((record) => consumers.map((c) => c.prepare(record))) };
  }
}

async function readGroup(ctx: ReadContext, root: ListStream, scope: RequestScope, consumers: StreamConsumer[]): Promise<void> {
  const { output, progress } = ctx;
  const floor = Math.min(...consumers.map((c) => c.cursor.floor));
  const status = { running: false };
  const startRunning = async (envelope: JsonObject | undefined): Promise<void> => {
    status.running = true;
    for (const consumer of consumers) {
      if (consumer.failure !== undefined) continue;
      await output.streamStatus(consumer.name, 'RUNNING');
      if (envelope === undefined || !consumer.estimable) continue;
      const rows = root.estimateNewerThan(envelope, consumer.cursor.floor);
      progress.estimate(consumer.name, rows);
      await output.estimate(consumer.name, rows);
    }
  };

  try {
    for await (const { page, prepared } of readAhead(preparePages(readPages(ctx, root, scope, floor), consumers))) {
      if (!status.running) await startRunning(page.envelope);
      progress.page(root.name);
      for (const [i, record] of page.records.entries()) {
        for (const [j, consumer] of consumers.entries()) {
          const decision = prepared[i]?.[j];
          if (decision === undefined || consumer.failure !== undefined) continue;
          await consumer.handle(record, decision);
          if (consumer.uncheckpointed >= CHECKPOINT_EVERY_RECORDS) await consumer.checkpoint();
        }
      }
      for (const consumer of consumers) if (consumer.failure === undefined) await consumer.checkpoint();
      if (consumers.every((c) => c.done)) break;
    }
  } catch (error) {
    for (const consumer of consumers) consumer.fail(error);
  }
  // Requests started for a page that will not be handled (a read stopped at its record limit).
  for (const consumer of consumers) consumer.stopRequests();
  if (!status.running) await startRunning(undefined);

  for (const consumer of consumers) {
    // A limited read stopped part way: its state may claim only what it emitted.
    if (consumer.failure === undefined) await (consumer.atLimit ? consumer.checkpoint() : consumer.finish());
    if (consumer.failure === undefined) {
      await output.streamStatus(consumer.name, 'COMPLETE');
      continue;
    }
    // What was emitted before the failure stays covered; nothing beyond it is claimed.
    await consumer.checkpoint();
    await ctx.failures.report(consumer.failure, consumer.name);
    await output.streamStatus(consumer.name, 'INCOMPLETE');
  }
}
