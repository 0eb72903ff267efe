import { resolveCatalog } from '../config/catalog.js';
import { readJsonFile } from '../config/files.js';
import { TerminalProgress, silentProgress } from '../engine/progress.js';
import { WindowCursor } from '../engine/window-cursor.js';
import { readStreams, reportFailure, type SelectedStream } from '../engine/read.js';
import { ConnectorError, interrupted, systemError } from '../errors.js';
import type { RetryNotice } from '../peloton/api-client.js';
import { openSession, resolveUserId } from '../peloton/session.js';
import type { JsonObject } from '../protocol/messages.js';
import { parseStateInput } from '../protocol/state-input.js';
import { STREAMS } from '../streams/registry.js';
import { loadConfig } from './inputs.js';
import type { CommandContext } from './runtime.js';

export interface ReadOptions {
  config: string;
  catalog: string;
  state?: string | undefined;
}

export async function readCommand(ctx: CommandContext, options: ReadOptions): Promise<number> {
  const { output } = ctx;
  // Every input (state included) is checked before anything is fetched: a bad file costs no request.
  const config = await loadConfig(ctx, options.config);
  const selected = resolveCatalog(await readJsonFile(options.catalog, 'catalog'), STREAMS);
  const states: Map<string, JsonObject> =
    options.state === undefined ? new Map() : parseStateInput(await readJsonFile(options.state, 'state'), STREAMS.map((s) => s.name));
  for (const { declaration, syncMode } of selected) {
    if (syncMode === 'incremental') new WindowCursor(declaration.cursorField, config.startDate, states.get(declaration.name), declaration.name);
  }
  if (selected.length === 0) {
    await output.log('WARN', 'The catalog selects no stream; nothing to read.');
    return 0;
  }

  for (const { declaration } of selected) await output.streamStatus(declaration.name, 'STARTED');
  const progress = ctx.stderr.isTTY === true ? new TerminalProgress(ctx.stderr, ctx.now) : silentProgress;
  const session = openSession(config, { ...ctx, onRetry: (notice) => void reportRetry(ctx, notice) });
  try {
    const userId = await resolveUserId(session);
    await output.log('INFO', `Reading ${selected.map(describe).join(', ')} with a ${session.auth.description}.`);
    const outcomes = await readStreams(
      { config, output, api: session.api, progress, nowSeconds: () => Math.floor(ctx.now() / 1000), signal: ctx.signal },
      userId,
      STREAMS,
      selected,
      states,
    );
    progress.stop();
    const failed = outcomes.filter((o) => o.failure !== undefined);
    await output.log('INFO', `Read ${outcomes.map((o) => `${o.records} ${o.name}`).join(', ')}${failed.length > 0 ? `; failed: ${failed.map((o) => o.name).join(', ')}` : ''}.`);
    return failed.length === 0 && ctx.signal?.aborted !== true ? 0 : 1;
  } catch (error) {
    progress.stop();
    // Nothing was read (login or user lookup failed): every stream ends incomplete, with no state.
    const failure = interruption(ctx) ?? (error instanceof ConnectorError ? error : systemError(`The read failed unexpectedly: ${String(error)}`, error));
    await reportFailure(ctx, undefined, failure);
    for (const { declaration } of selected) await output.streamStatus(declaration.name, 'INCOMPLETE');
    return 1;
  }
}

function describe({ declaration, syncMode }: SelectedStream): string {
  return `${declaration.name} (${syncMode})`;
}

function interruption(ctx: CommandContext): ConnectorError | undefined {
  return ctx.signal?.aborted === true ? interrupted(ctx.signal) : undefined;
}

async function reportRetry(ctx: CommandContext, notice: RetryNotice): Promise<void> {
  const wait = notice.retryAfterMs === undefined ? '' : ` (Peloton asked to wait ${Math.round(notice.retryAfterMs / 1000)} s)`;
  await ctx.output.log('WARN', `Retrying a request${notice.stream === undefined ? '' : ` of ${notice.stream}`} after ${notice.reason}, attempt ${notice.attempt}${wait}.`);
  if (notice.status === 429 && notice.stream !== undefined) {
    const reset = notice.retryAfterMs === undefined ? {} : { quota_reset: ctx.now() + notice.retryAfterMs };
    await ctx.output.streamStatus(notice.stream, 'RUNNING', [{ type: 'RATE_LIMITED', rate_limited: reset }]);
  }
}
