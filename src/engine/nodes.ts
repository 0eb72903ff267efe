import { setMaxListeners } from 'node:events';
import type { ApiResult } from '../peloton/api-client.js';
import type { ChildRequest, Partition, RequestScope } from './declarations.js';
import type { RootItem } from './pager.js';
import type { ReadContext } from './read-context.js';
import { REFUSED_SYNCS } from './refusals.js';
import type { StreamReader } from './stream-reader.js';

/**
 * What a stream decided about a root item when its page arrived (requests start then):
 * below/limit: nothing to do and nothing passed; pass: handled already or nothing due (the cursor passes it);
 * wait: not final yet (the cursor stops before it); take: its records are due (from the item or an answer).
 */
export type Decision = 'below' | 'limit' | 'pass' | 'wait' | 'take';

export type Settled = { ok: true; result: ApiResult } | { ok: false; error: unknown };

export interface Prepared {
  decisions: Decision[];
  /** The partition and its answer on the way, when some stream takes it. */
  partition?: Partition;
  response?: Promise<Settled>;
}

/**
 * The streams that read one request during a root's read. Items are prepared as their page arrives (in list
 * order, so requests start early) and handled in list order.
 */
export abstract class ReadNode {
  constructor(
    protected readonly ctx: ReadContext,
    protected readonly scope: RequestScope,
    readonly readers: StreamReader[],
  ) {}

  abstract prepare(item: RootItem): Prepared;
  abstract handle(item: RootItem, prepared: Prepared): Promise<void>;

  get done(): boolean {
    return this.readers.every((reader) => reader.done);
  }

  /** Where a reader stands on an item before any request: out of its window, handled, or at its limit. */
  protected baseDecision(reader: StreamReader, item: RootItem): Decision | 'todo' {
    // A stream the limit stopped passes nothing more: its cursor must stay before the item it left.
    if (reader.failure !== undefined || reader.limited) return 'below';
    const classification = reader.classify(item);
    if (classification === 'below') return 'below';
    return classification === 'done' ? 'pass' : 'todo';
  }

  protected take(reader: StreamReader): Decision {
    if (reader.limitReached) {
      reader.stopAtLimit();
      return 'limit';
    }
    reader.reserve();
    return 'take';
  }

  /**
   * Hands an item to each reader as it decided, in order: a taken item's records first (`deliver` says
   * whether the reader may pass it), then the cursor passes it (`final` unless the reader waits for it), then
   * maybe a checkpoint.
   */
  protected async handEach(
    item: RootItem,
    prepared: Prepared,
    deliver: (reader: StreamReader) => Promise<boolean>,
    final: (decision: Decision) => boolean,
  ): Promise<void> {
    for (const [index, reader] of this.readers.entries()) {
      const decision = prepared.decisions[index];
      if (decision === 'take') reader.release();
      if (reader.failure !== undefined || decision === undefined || decision === 'below' || decision === 'limit') continue;
      if (decision === 'take' && !(await deliver(reader))) continue;
      reader.pass(item, final(decision));
      await reader.maybeCheckpoint();
    }
  }
}

/** Streams reading the root request itself: an item is its own answer. */
export class RootNode extends ReadNode {
  prepare(item: RootItem): Prepared {
    return { decisions: this.readers.map((reader) => this.decide(reader, item)) };
  }

  async handle(item: RootItem, prepared: Prepared): Promise<void> {
    const source = { partition: { key: item.id, cursor: item.cursor, item: item.data }, scope: this.scope };
    await this.handEach(
      item,
      prepared,
      (reader) => reader.emitFrom(item.data, source),
      () => item.final,
    );
  }

  private decide(reader: StreamReader, item: RootItem): Decision {
    const base = this.baseDecision(reader, item);
    return base === 'todo' ? this.take(reader) : base;
  }
}

/**
 * Streams reading a child request: one request per item (or per distinct key) that at least one of them
 * takes, its answer handed to each of them. A stream at its window's floor, or done, costs nothing.
 */
export class ChildNode extends ReadNode {
  /** Cancels this request's queued and in-flight calls once no stream needs them (one signal for the run). */
  private readonly calls = new AbortController();
  private proof: Promise<boolean> | undefined;

  constructor(
    ctx: ReadContext,
    scope: RequestScope,
    readers: StreamReader[],
    readonly request: ChildRequest,
  ) {
    super(ctx, scope, readers);
    // Every call queued or in flight listens to it: a page's worth of them is normal, not a leak.
    setMaxListeners(0, this.calls.signal);
  }

  prepare(item: RootItem): Prepared {
    const key = this.request.keyOf(item.data);
    const decisions = this.readers.map((reader) => this.decide(reader, item, key));
    if (key === undefined || !decisions.includes('take')) return { decisions };
    const partition: Partition = { key, cursor: item.cursor, item: item.data };
    return { decisions, partition, response: this.fetch(key) };
  }

  async handle(item: RootItem, prepared: Prepared): Promise<void> {
    const { partition, response } = prepared;
    const settled = response === undefined ? undefined : await response;
    if (settled !== undefined && partition !== undefined && settled.ok && 'skippedStatus' in settled.result) {
      await this.warnSkipped(partition.key, settled.result.skippedStatus, prepared.decisions);
    }
    await this.handEach(
      item,
      prepared,
      // A taken item always has its partition and answer (prepare starts the request when anyone takes it).
      (reader) => (settled === undefined || partition === undefined ? Promise.resolve(true) : this.deliver(reader, partition, settled)),
      (decision) => decision !== 'wait' && (this.request.waitsForFinalParent !== true || item.final),
    );
    if (this.done) this.stop();
  }

  /** Asks again the partitions that earlier syncs had refused (they are below the cursor now). */
  async retryRefused(): Promise<void> {
    const keys = new Map<string, Partition>();
    for (const reader of this.readers) {
      for (const entry of reader.refusals.toRetry) keys.set(entry.key, { key: entry.key, cursor: entry.cursor, item: undefined });
    }
    const asked = [...keys.values()].map((partition) => ({ partition, response: this.fetch(partition.key) }));
    for (const { partition, response } of asked) {
      const settled = await response;
      const takers = this.readers.filter((r) => r.failure === undefined && r.refusals.toRetry.some((e) => e.key === partition.key));
      // Asked once per sync: the window, should it hold the partition again, passes it.
      for (const reader of takers) reader.claimed.add(partition.key);
      if (settled.ok && 'skippedStatus' in settled.result)
        await this.warnSkipped(partition.key, settled.result.skippedStatus, undefined, takers);
      for (const reader of takers) await this.deliver(reader, partition, settled);
    }
  }

  /**
   * Whether the route still works although this sync's requests were all refused: the partitions that answered
   * in an earlier sync, for any stream reading this request, are asked again until one answers (once per run).
   */
  proveRoute(): Promise<boolean> {
    this.proof ??= (async () => {
      const candidates = new Set(this.readers.flatMap((reader) => reader.refusals.proofCandidates));
      for (const key of candidates) {
        // Asked after the read's own requests were stopped: only the run's stop signal applies.
        const settled = await this.fetch(key, false);
        if (!settled.ok) throw settled.error;
        if ('body' in settled.result) return true;
      }
      return false;
    })();
    return this.proof;
  }

  /** No stream needs this request's answers any more: calls still queued or in flight are cancelled. */
  stop(): void {
    this.calls.abort(new Error(`${this.request.name} needs no more answers`));
  }

  private decide(reader: StreamReader, item: RootItem, key: string | undefined): Decision {
    const base = this.baseDecision(reader, item);
    if (base === 'below') return 'below';
    if (key === undefined) return 'pass';
    // Claimed already: asked again at the start of this sync (a refused partition), or, for one request per
    // distinct key, by a newer item.
    if (reader.claimed.has(key)) return 'pass';
    // The newest item that has a key claims it, in list order: in a resumed window, an item already handled
    // (its key was fetched then, or by a newer item) claims it too, so it is not fetched again.
    if (this.request.distinct === true) reader.claimed.add(key);
    if (base === 'pass') return 'pass';
    if (this.request.waitsForFinalParent === true && !item.final) return 'wait';
    return this.take(reader);
  }

  /** Hands an answer to a stream; false when the stream must not pass the item (failed, or cut short by the limit). */
  private async deliver(reader: StreamReader, partition: Partition, settled: Settled): Promise<boolean> {
    if (!settled.ok) {
      reader.fail(settled.error);
      return false;
    }
    if ('skippedStatus' in settled.result) {
      reader.refusals.refused(partition.key, partition.cursor);
      return true;
    }
    const complete = await reader.emitFrom(settled.result.body, { partition, scope: this.scope });
    if (complete) reader.refusals.answered(partition.key);
    return complete;
  }

  private async warnSkipped(key: string, status: number, decisions: Decision[] | undefined, takers?: StreamReader[]): Promise<void> {
    const streams = takers ?? this.readers.filter((_, index) => decisions?.[index] === 'take');
    // Only an incremental stream keeps the partition in its state to ask again.
    const again = streams.some((reader) => reader.syncMode === 'incremental' && reader.window !== undefined)
      ? ` Incremental syncs ask for it again, on ${REFUSED_SYNCS} syncs in all, before giving it up.`
      : '';
    await this.ctx.output.log(
      'WARN',
      `${streams.map((r) => r.name).join(', ')}: Peloton answered ${status} for ${this.request.describe(key)}; skipping it.${again}`,
    );
  }

  private fetch(key: string, cancellable = true): Promise<Settled> {
    const request = this.request;
    return this.ctx.api
      .fetch({
        path: request.path(key, this.scope),
        stream: request.name,
        ...(request.query === undefined ? {} : { query: request.query(this.scope) }),
        ...(request.headers === undefined ? {} : { headers: request.headers }),
        skipOn: request.skipOn,
        ...(cancellable ? { signal: this.calls.signal } : {}),
      })
      .then(
        (result): Settled => ({ ok: true, result }),
        (error: unknown): Settled => ({ ok: false, error }),
      );
  }
}
