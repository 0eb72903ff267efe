import { failureOf, systemError } from '../errors.js';
import { requestFor } from './consumers.js';
import type { SingleObjectStream, RequestScope } from './declarations.js';
import type { ReadContext } from './read-context.js';
import type { StreamOutcome } from './read.js';

/**
 * Reads a stream that is one object: one request, one record, and a final STATE without a cursor (it
 * carries the record count; the next sync reads the object again).
 */
export async function readSingleObject(ctx: ReadContext, stream: SingleObjectStream, scope: RequestScope): Promise<StreamOutcome> {
  const { output } = ctx;
  await output.streamStatus(stream.name, 'RUNNING');
  try {
    const response = await ctx.api.getJson(requestFor(stream, stream.path(scope), scope));
    const record = stream.toRecord(response, scope);
    const missing = stream.primaryKey.filter((path) => valueAt(record, path) === undefined);
    if (missing.length > 0) {
      throw systemError(
        `Peloton's answer for ${stream.name} has no ${missing.map((p) => p.join('.')).join(', ')}; the API may have changed.`,
      );
    }
    await output.record(stream.name, record);
    ctx.progress.record(stream.name);
    await output.state(stream.name, {}, 1);
    await output.streamStatus(stream.name, 'COMPLETE');
    return { name: stream.name, records: 1, failure: undefined };
  } catch (error) {
    const failure = failureOf(error, `Reading ${stream.name}`, ctx.signal);
    await ctx.failures.report(failure, stream.name);
    await output.streamStatus(stream.name, 'INCOMPLETE');
    return { name: stream.name, records: 0, failure };
  }
}

function valueAt(record: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = record;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}
