import { DEFAULT_LOOKBACK_DAYS } from '../config/config.js';
import { systemError } from '../errors.js';
import type { JsonObject } from '../protocol/messages.js';
import type { RequestScope, RootRequest } from './declarations.js';
import { ChildNode, type Prepared, type ReadNode } from './nodes.js';
import { readPages, type Page } from './pager.js';
import type { ReadContext } from './read-context.js';
import { readAhead } from './read-ahead.js';
import { REFUSED_SYNCS } from './refusals.js';
import type { StreamReader } from './stream-reader.js';

interface PreparedPage {
  page: Page;
  prepared: Prepared[][];
}

async function* preparePages(pages: AsyncGenerator<Page>, nodes: ReadNode[]): AsyncGenerator<PreparedPage> {
  for await (const page of pages) yield { page, prepared: page.items.map((item) => nodes.map((node) => node.prepare(item))) };
}

/**
 * Reads one root request once for every selected stream that depends on it: the streams reading it
 * directly, and those reading requests made per item. Ends as soon as no stream needs anything more: a page
 * fetched ahead is then cancelled rather than waited for.
 */
export async function readRoot(ctx: ReadContext, root: RootRequest, scope: RequestScope, nodes: ReadNode[]): Promise<void> {
  const readers = nodes.flatMap((node) => node.readers);
  const children = nodes.filter((node): node is ChildNode => node instanceof ChildNode);
  const { output, progress } = ctx;
  const pagesDone = new AbortController();
  const estimated = { done: false };
  const estimate = async (envelope: JsonObject): Promise<void> => {
    estimated.done = true;
    if (root.cursor === undefined) return;
    for (const reader of readers) {
      if (reader.failure !== undefined || reader.stream.onePerItem !== true) continue;
      const rows = root.cursor.estimateNewerThan(envelope, reader.cursor.floor);
      progress.estimate(reader.name, rows);
      await output.estimate(reader.name, rows);
    }
  };

  try {
    for (const reader of readers) await output.streamStatus(reader.name, 'RUNNING');
    await logWindows(ctx, root, readers);
    for (const child of children) await child.retryRefused();
    const floor = Math.min(...readers.map((reader) => reader.cursor.floor));
    const pages = readAhead(preparePages(readPages(ctx, root, scope, floor, pagesDone.signal), nodes));
    for await (const { page, prepared } of pages) {
      if (!estimated.done) await estimate(page.envelope);
      progress.page();
      for (const [i, item] of page.items.entries()) {
        for (const [j, node] of nodes.entries()) {
          const decisions = prepared[i]?.[j];
          if (decisions !== undefined) await node.handle(item, decisions);
        }
      }
      const oldest = page.items.at(-1)?.cursor;
      for (const reader of readers) {
        if (reader.failure !== undefined) continue;
        await reader.checkpoint();
        if (oldest !== undefined && oldest <= reader.cursor.floor) reader.windowRead = true;
      }
      if (readers.every((reader) => reader.done)) break;
    }
  } catch (error) {
    // A stream whose window was read already (or that the record limit stopped) does not depend on the rest.
    for (const reader of readers) if (!reader.done) reader.fail(error);
  } finally {
    // A page fetched ahead and requests started for items that will not be handled (every stream is done,
    // failed or at its record limit) are cancelled, not waited for.
    pagesDone.abort(new Error(`${root.name}: the read is over`));
    for (const child of children) child.stop();
  }
  for (const node of nodes) for (const reader of node.readers) await finish(ctx, reader, node);
}

async function finish(ctx: ReadContext, reader: StreamReader, node: ReadNode): Promise<void> {
  const { output } = ctx;
  if (reader.failure === undefined && reader.limited) {
    // A limited read stopped part way: its state may claim only what it emitted.
    await reader.checkpoint();
  } else if (reader.failure === undefined) {
    const failure = await settleRefusals(ctx, reader, node);
    if (failure === undefined) await reader.complete();
    else reader.fail(failure);
  }
  if (reader.failure === undefined) {
    await output.streamStatus(reader.name, 'COMPLETE');
    return;
  }
  // What was emitted before the failure stays covered; nothing beyond it is claimed.
  await reader.checkpoint();
  await ctx.failures.report(reader.failure, reader.name);
  await output.streamStatus(reader.name, 'INCOMPLETE');
}

/**
 * The end of the refusal rule (see Refusals): a route that refused everything must prove it still works, or
 * the stream fails; partitions given up are named.
 */
async function settleRefusals(ctx: ReadContext, reader: StreamReader, node: ReadNode): Promise<unknown> {
  const { refusals } = reader;
  // Only child requests can refuse a partition.
  if (refusals.needsProof && node instanceof ChildNode) {
    try {
      if (!(await node.proveRoute())) {
        return systemError(
          `${reader.name}: all ${refusals.refusals} requests of this sync were refused (see the warnings) and none succeeded${refusals.proofCandidates.length > 0 ? ', not even one that answered in an earlier sync' : ''}; Peloton may have changed this route. The state was left where it was, so nothing is skipped for good and the next sync asks again.`,
        );
      }
    } catch (error) {
      return error;
    }
  }
  if (refusals.givenUp.length > 0) {
    const them = refusals.givenUp.length === 1 ? 'it' : 'them';
    await ctx.output.log(
      'WARN',
      `${reader.name}: gave up on ${refusals.givenUp.map((e) => e.key).join(', ')}: Peloton refused ${them} on ${REFUSED_SYNCS} syncs in a row, so ${refusals.givenUp.length === 1 ? 'it is' : 'they are'} no longer asked for.`,
    );
  }
  return undefined;
}

/** Says once, per root list, what each stream reads of it: since when, and where that comes from. */
async function logWindows(ctx: ReadContext, root: RootRequest, readers: StreamReader[]): Promise<void> {
  if (root.cursor === undefined) return;
  const startDateGiven = ctx.config.original['start_date'] !== undefined;
  const windows = new Map<string, string[]>();
  for (const { name, window } of readers) {
    const floor = window?.floor ?? Number.NEGATIVE_INFINITY;
    const since =
      window?.resumed === true
        ? `after ${isoSeconds(floor)} (from the state)`
        : `since ${isoSeconds(floor + 1)} (${startDateGiven ? 'start_date' : `no start_date: the default, ${DEFAULT_LOOKBACK_DAYS} days back`})`;
    windows.set(since, [...(windows.get(since) ?? []), name]);
  }
  const parts = [...windows].map(([since, names]) => `${since} for ${names.join(', ')}`);
  const hint = startDateGiven ? '' : ' Set start_date in the config to read further back.';
  await ctx.output.log('INFO', `Reading the ${root.name} list ${parts.join('; ')}.${hint}`);
}

const isoSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');
