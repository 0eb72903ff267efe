import type { ResolvedConfig } from '../config/config.js';
import { TerminalProgress, silentProgress } from '../engine/progress.js';
import { readStreams, type SelectedStream } from '../engine/read.js';
import { WindowCursor } from '../engine/window-cursor.js';
import { cursorFieldOf, streamsWaitingOn } from '../engine/declarations.js';
import { failureOf } from '../errors.js';
import type { RetryNotice } from '../peloton/api-client.js';
import { openSession, resolveUserId } from '../peloton/session.js';
import type { JsonObject } from '../protocol/messages.js';
import type { MessageSink } from '../protocol/sink.js';
import { STREAMS } from '../streams/registry.js';
import type { CommandContext } from './runtime.js';
import { countOf } from './wording.js';

/** Throws a config_error for a state blob the stream cannot resume from (before anything is fetched). */
export function assertStatesUsable(config: ResolvedConfig, selected: SelectedStream[], states: Map<string, JsonObject>): void {
  for (const { declaration, syncMode } of selected) {
    const cursorField = cursorFieldOf(declaration);
    if (syncMode === 'incremental' && cursorField !== undefined)
      new WindowCursor(cursorField, config.startDate, states.get(declaration.name), declaration.name);
  }
}

/**
 * One sync, whatever protocol it speaks: log in, read the selected streams through the engine,
 * report every stream's outcome. Resolves to the exit code.
 */
export async function runSync(
  ctx: CommandContext,
  sink: MessageSink,
  config: ResolvedConfig,
  selected: SelectedStream[],
  states: Map<string, JsonObject>,
  limits: { recordLimit?: number } = {},
): Promise<number> {
  if (selected.length === 0) {
    await sink.log('WARN', 'No stream is selected; nothing to read.');
    return 0;
  }
  for (const { declaration } of selected) await sink.streamStatus(declaration.name, 'STARTED');
  const progress = ctx.stderr.isTTY === true ? new TerminalProgress(ctx.stderr, ctx.now) : silentProgress;
  const session = openSession(config, { ...ctx, output: sink, onRetry: (notice) => void reportRetry(ctx, sink, selected, notice) });
  try {
    const userId = await resolveUserId(session);
    await sink.log(
      'INFO',
      `Reading ${selected.map(({ declaration, syncMode }) => `${declaration.name} (${syncMode})`).join(', ')} with ${session.auth.description}.`,
    );
    const outcomes = await readStreams(
      {
        config,
        output: sink,
        failures: ctx.failures,
        api: session.api,
        progress,
        nowSeconds: () => Math.floor(ctx.now() / 1000),
        signal: ctx.signal,
        recordLimit: limits.recordLimit,
      },
      { userId, config },
      STREAMS,
      selected,
      states,
    );
    progress.stop();
    const failed = outcomes.filter((o) => o.failure !== undefined);
    await sink.log(
      'INFO',
      `Read ${outcomes.map((o) => `${countOf(o.records, 'record')} from ${o.name}`).join(', ')}${failed.length > 0 ? `; failed: ${failed.map((o) => o.name).join(', ')}` : ''}.`,
    );
    return failed.length === 0 && ctx.signal?.aborted !== true ? 0 : 1;
  } catch (error) {
    progress.stop();
    // Login or the user lookup failed (the engine reports its own failures per stream): nothing was read.
    await ctx.failures.report(failureOf(error, 'The read', ctx.signal));
    for (const { declaration } of selected) await sink.streamStatus(declaration.name, 'INCOMPLETE');
    return 1;
  }
}

async function reportRetry(ctx: CommandContext, sink: MessageSink, selected: SelectedStream[], notice: RetryNotice): Promise<void> {
  const wait = notice.retryAfterMs === undefined ? '' : ` (Peloton asked to wait ${Math.round(notice.retryAfterMs / 1000)} s)`;
  const waiting = notice.stream === undefined ? [] : streamsWaitingOn(notice.stream, selected);
  const of = waiting.length === 0 ? '' : ` for ${waiting.map(({ declaration }) => declaration.name).join(', ')}`;
  await sink.log('WARN', `Retrying a request${of} after ${notice.reason}, attempt ${notice.attempt}${wait}.`);
  if (notice.status !== 429) return;
  // A rate-limited request holds up every selected stream waiting on it (for a list page: every stream below the list).
  for (const { declaration } of waiting) {
    await sink.streamStatus(declaration.name, 'RUNNING', [
      { type: 'RATE_LIMITED', rate_limited: { quota_reset: ctx.now() + notice.delayMs } },
    ]);
  }
}
